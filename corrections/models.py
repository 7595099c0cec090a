from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils import timezone

from articles.models import Article


class Kind(models.TextChoices):
    CORRECTION = "correction", "Correction"
    CLARIFICATION = "clarification", "Clarification"
    UPDATE = "update", "Update"


# Kinds that tell readers the article changed: they move its "Updated" date.
REVISING_KINDS = (Kind.CORRECTION, Kind.UPDATE)


class NoteQuerySet(models.QuerySet):
    def published(self) -> "NoteQuerySet":
        """Notes readers may see: those on published articles."""
        return self.filter(article__in=Article.objects.published())

    def revising(self) -> "NoteQuerySet":
        return self.filter(kind__in=REVISING_KINDS)


class Note(models.Model):
    """A dated correction, clarification or update, shown with its article."""

    # PROTECT: a correction log never loses entries. The admin tells an editor who
    # tries to delete a corrected article to unpublish it instead.
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="notes")
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.CORRECTION,
        help_text=(
            "Correction: we got something wrong. Update: news since publication. Both "
            "change the article's “Updated” date. Clarification: wording made clearer; "
            "the date stays."
        ),
    )
    text = models.TextField(
        help_text=(
            "Plain text, shown to readers as written, e.g. “An earlier version of this "
            "article gave the wrong release date. It is 3 December.”"
        ),
    )
    # The date readers see. Set once, when the note is added.
    created_at = models.DateTimeField("date", default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = "correction or update"
        verbose_name_plural = "corrections and updates"

    def __str__(self):
        return f"{self.get_kind_display()} on {self.article}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.update_article_date()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.update_article_date()
        return result

    def clean(self):
        try:
            article = self.article
        except Article.DoesNotExist:
            return  # The form reports the missing article.
        # New notes only: an article taken offline keeps the notes it already has.
        if self._state.adding and not article.is_published:
            raise ValidationError(
                "Corrections and updates are for articles readers can see: "
                "publish the article first."
            )

    def update_article_date(self) -> None:
        """Set the article's revised_at to its latest correction or update, if any."""
        latest = Note.objects.filter(article_id=self.article_id).revising()
        # update(), not save(): only this one column changes, and updated_at keeps
        # meaning "last saved by an editor".
        Article.objects.filter(pk=self.article_id).update(
            revised_at=latest.aggregate(latest=Max("created_at"))["latest"]
        )
