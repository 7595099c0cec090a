from django.db import models

from articles.models import Article
from images.models import Image


class ImportedItem(models.Model):
    """What an import made, so that the next run of it updates instead of creating."""

    source = models.CharField(max_length=200)
    source_id = models.CharField(max_length=200)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    # A hash of the item as last written: the same item again is "unchanged".
    fingerprint = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=("source", "source_id"), name="one_import_per_source_item"
            )
        ]

    def __str__(self):
        return f"{self.source} #{self.source_id}"


class ImportedImage(models.Model):
    """An image file an import brought in, by the hash of its bytes as read.

    The library re-encodes what it stores, so the stored file's hash can't say
    whether the same file was imported before; this row can.
    """

    content_hash = models.CharField(max_length=64, unique=True)
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return self.content_hash
