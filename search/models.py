from django.db import models


class DocumentKind(models.TextChoices):
    ARTICLE = "article", "Article"
    FAQ = "faq", "FAQ entry"


class Document(models.Model):
    """One article or FAQ entry as plain text, for full-text search.

    Written only through search.index, on every save and delete of a model in
    search.registry. Drafts are indexed too: the query side decides what readers
    see, through each model's published(), so a scheduled article shows up when its
    time comes without being indexed again.

    The database adds the full-text part in migration 0002: a weighted tsvector column
    with a GIN index on PostgreSQL, an FTS5 table kept in step by triggers on SQLite.
    A later migration that alters this table must keep them (see 0002's docstring).
    """

    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=("kind", "object_id"), name="one_document_per_object"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.object_id}: {self.title}"
