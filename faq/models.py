from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from taggit.managers import TaggableManager

from articles.models import Article
from articles.sanitize import RESERVED_IDS, sanitize_html
from images.uses import record_image_uses

# An entry's slug is its id: "<slug>" on /faq/, "faq-<slug>" in an article's FAQ
# block (headed by id="faq-title"). It must not take an id the page already uses.
RESERVED_SLUGS = RESERVED_IDS | {"title"}


class Topic(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    order = models.PositiveIntegerField(
        default=0, help_text="Topics are listed on the FAQ page from low to high."
    )
    # When an editor last saved it: a stale form is refused (newsroom/edit_conflict.py).
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("order", "name")

    def __str__(self):
        return self.name


class EntryQuerySet(models.QuerySet):
    def published(self) -> "EntryQuerySet":
        """The one rule for what readers may see of the FAQ."""
        return self.filter(is_published=True)

    def for_article(self, article: Article) -> "EntryQuerySet":
        """The article's entries, in the order the editor chose."""
        return self.filter(article_links__article=article).order_by(
            "article_links__position", "article_links__pk"
        )


class Entry(models.Model):
    question = models.CharField(
        max_length=300, help_text="Plain text, as a reader asks it."
    )
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="The question's anchor on the FAQ page, e.g. /faq/#can-i-delete-conversations. Keep it stable once published.",
    )
    answer = models.TextField(
        help_text="HTML. Paragraphs, lists and links; anything else is removed on save."
    )
    answer_html = models.TextField(blank=True, editable=False)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="entries")
    order = models.PositiveIntegerField(
        default=0, help_text="Order within its topic on the FAQ page, low to high."
    )
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Unpublished entries are hidden everywhere, articles included.",
    )
    tags = TaggableManager(blank=True)
    # Library images the answer shows; deleting the entry deletes these rows.
    image_uses = GenericRelation("images.ImageUse")
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ("topic__order", "topic__name", "order", "pk")
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.answer_html = sanitize_html(self.answer)
        super().save(*args, **kwargs)
        record_image_uses(self, self.answer_html)

    def get_absolute_url(self):
        return f"{reverse('faq:index')}#{self.slug}"

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": "The page already uses this anchor; choose another slug."}
            )


class ArticleEntry(models.Model):
    """Places an FAQ entry on an article; one entry can serve several articles."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="faq_links"
    )
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="article_links"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("position", "pk")
        verbose_name = "FAQ entry"
        verbose_name_plural = "Frequently asked questions (in the order shown)"
        constraints = [
            models.UniqueConstraint(
                fields=("article", "entry"), name="entry_once_per_article"
            )
        ]

    def __str__(self):
        return f"{self.entry} on {self.article}"
