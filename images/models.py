from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import format_html

from images import processing

FOCAL_HELP = (
    "The part of the picture that must stay in view when it is cropped (link "
    "previews are cropped to 1200 × 630): 0 is the left or top edge, 1 the right "
    "or bottom edge, 0.5 the middle. Click the preview to set it."
)


def validate_image_upload(value):
    """Check a new upload by its content; a file already stored was checked on arrival."""
    if getattr(value, "_committed", True):
        return
    processing.validate_upload(value.file)


class Image(models.Model):
    """A picture in the library, with the renditions pages show, made when it arrives."""

    title = models.CharField(
        max_length=200,
        help_text="For finding the image in the library; readers don't see it.",
    )
    file = models.FileField(
        upload_to="images/%Y/%m/",
        max_length=255,
        validators=[validate_image_upload],
        help_text=(
            "JPEG, PNG, WebP or GIF (a GIF keeps only its first frame). Location "
            "data and other metadata are removed when you save."
        ),
    )
    alt_text = models.CharField(
        "alt text",
        max_length=250,
        help_text=(
            "Describe the image for readers who cannot see it: what it shows, "
            "in a sentence. Required."
        ),
    )
    caption = models.CharField(
        max_length=300, blank=True, help_text="Shown under the image in articles."
    )
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Photographer or source, e.g. “Photo: Jane Doe”.",
    )
    focal_x = models.FloatField(
        "focal point across",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=FOCAL_HELP,
    )
    focal_y = models.FloatField(
        "focal point down",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    # Of the stored original, upright: pages reserve the space before it loads.
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Paths, sizes and formats of the files pages use, so rendering reads no rows.
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)
    # When an editor last saved it: a stale form is refused (newsroom/edit_conflict.py).
    updated_at = models.DateTimeField(auto_now=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ("-uploaded_at", "-pk")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        stale, written = [], []
        if self.file and not self.file._committed:
            stale = self.stored_paths()
            self._store_upload()
            written = self.stored_paths()
        elif self._social_crop_is_stale():
            stale = [self.renditions["social"]["path"]]
            self._store_social_crop()
            written = [self.renditions["social"]["path"]]
        try:
            super().save(*args, **kwargs)
        except BaseException:
            # The row was refused: files it would have pointed to must not linger.
            _delete_files(self.file.storage, written)
            raise
        if stale:
            storage = self.file.storage
            # After the commit: a rolled-back save must still find its files.
            transaction.on_commit(lambda: _delete_files(storage, stale))

    def delete(self, *args, **kwargs):
        storage, paths = self.file.storage, self.stored_paths()
        result = super().delete(*args, **kwargs)
        transaction.on_commit(lambda: _delete_files(storage, paths))
        return result

    def clean(self):
        if not self.alt_text.strip():
            raise ValidationError(
                {"alt_text": "Describe the image: alt text is required."}
            )
        if self.pk and self.file and not self.file._committed:
            self._refuse_new_file_while_in_bodies()

    def _refuse_new_file_while_in_bodies(self):
        # Bodies hold copies of this image's addresses, size and alt text: a new
        # file would delete the files they show (or, kept, leave them orphaned).
        bodies = [str(use) for use in self.uses.all()]
        if bodies:
            raise ValidationError(
                {
                    "file": "This image is pasted into "
                    + "; ".join(bodies)
                    + ", so its file cannot be replaced. Upload the new picture "
                    "as a new image and paste that instead, or take this one out "
                    "of those bodies first."
                }
            )

    def _store_upload(self):
        """Store the upload re-encoded without metadata, and make its renditions."""
        picture, source_format = processing.decode(self.file.file)
        data, extension = processing.encode_original(picture, source_format)
        self.width, self.height = picture.size
        # Only the reduced copy is kept: the full-size pixels are let go here.
        picture = processing.working_copy(picture)
        stem = PurePosixPath(self.file.name).stem or "image"
        self.file.save(stem + extension, ContentFile(data), save=False)
        del data
        self.uploaded_at = timezone.now()
        try:
            self.renditions = processing.make_renditions(
                self.file.storage, picture, self.file.name, self.focal_point
            )
        except BaseException:
            self.file.storage.delete(self.file.name)
            raise

    def _social_crop_is_stale(self) -> bool:
        social = self.renditions.get("social")
        return bool(social) and social["focal"] != list(self.focal_point)

    def _store_social_crop(self):
        """Crop the stored (already clean) original again, around the new focal point."""
        with self.file.open("rb") as stored:
            picture, _format = processing.decode(stored, for_renditions=True)
        social = processing.make_social(
            self.file.storage, picture, self.file.name, self.focal_point
        )
        self.renditions = {**self.renditions, "social": social}

    def stored_paths(self) -> list[str]:
        """The files this row points to now: the original and its renditions."""
        paths = processing.rendition_paths(self.renditions)
        if original := self.renditions.get("source"):
            paths.append(original)
        return paths

    @property
    def focal_point(self) -> tuple[float, float]:
        return (self.focal_x, self.focal_y)

    def _url(self, path: str) -> str:
        # A page asks for the same rendition's URL several times (srcsets, the
        # fallback, the social crop); the storage joins and quotes it once.
        urls = self.__dict__.setdefault("_rendition_urls", {})
        if path not in urls:
            urls[path] = self.file.storage.url(path)
        return urls[path]

    def _responsive(self, webp: bool) -> list[dict]:
        return [
            item
            for item in self.renditions.get("responsive", [])
            if (item["format"] == "WEBP") == webp
        ]

    def _srcset(self, webp: bool) -> str:
        return ", ".join(
            f"{self._url(item['path'])} {item['width']}w"
            for item in self._responsive(webp)
        )

    @property
    def webp_srcset(self) -> str:
        """'url 480w, url 800w, …' of the WebP renditions (empty if there are none)."""
        return self._srcset(webp=True)

    @property
    def fallback_srcset(self) -> str:
        """The JPEG (or PNG) renditions as a srcset; the original if there are none."""
        if srcset := self._srcset(webp=False):
            return srcset
        return f"{self.file.url} {self.width}w" if self.width else self.file.url

    def _picked(self, item: dict | None) -> dict:
        """url, width and height of a rendition; of the original when there is none."""
        if item is None:
            return {"url": self.file.url, "width": self.width, "height": self.height}
        return {
            "url": self._url(item["path"]),
            "width": item["width"],
            "height": item["height"],
        }

    def _widest_up_to(self, width: int) -> dict:
        """The widest JPEG or PNG rendition at most width wide, else the narrowest."""
        items = self._responsive(webp=False)
        fitting = [item for item in items if item["width"] <= width] or items[:1]
        return self._picked(fitting[-1] if fitting else None)

    @property
    def fallback(self) -> dict:
        """The <img src> for browsers without srcset: the JPEG or PNG up to 800 wide."""
        return self._widest_up_to(800)

    @property
    def largest(self) -> dict:
        """The widest JPEG or PNG rendition."""
        items = self._responsive(webp=False)
        return self._picked(items[-1] if items else None)

    @property
    def thumbnail(self) -> dict:
        """The narrowest JPEG or PNG rendition."""
        items = self._responsive(webp=False)
        return self._picked(items[0] if items else None)

    @property
    def social(self) -> dict | None:
        """The 1200x630 link-preview crop, or None if it was never made."""
        social = self.renditions.get("social")
        return self._picked(social) if social else None

    @property
    def body_picture(self) -> dict:
        """The JPEG or PNG for article bodies: up to 1200 wide, sharp in the column."""
        return self._widest_up_to(1200)

    def body_snippet(self) -> str:
        """HTML to paste into an article body: the sanitizer keeps all of it."""
        picture = self.body_picture
        caption = " ".join(part for part in (self.caption, self.credit) if part)
        return format_html(
            '<figure><img src="{}" alt="{}" width="{}" height="{}">{}</figure>',
            picture["url"],
            self.alt_text,
            picture["width"],
            picture["height"],
            format_html("<figcaption>{}</figcaption>", caption) if caption else "",
        )


class ImageUse(models.Model):
    """One body (an article's, an FAQ answer) showing one of an image's files.

    Rows are written when the body is saved (images/uses.py), and protect the image:
    it cannot be deleted while a body still shows it.
    """

    image = models.ForeignKey(Image, on_delete=models.PROTECT, related_name="uses")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    body = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = "use in a body"
        constraints = [
            models.UniqueConstraint(
                fields=("image", "content_type", "object_id"),
                name="one_use_per_image_and_body",
            )
        ]
        indexes = [models.Index(fields=("content_type", "object_id"))]

    def __str__(self):
        return f"{self.content_type.name} “{self.body}”"


def _delete_files(storage, paths):
    for path in paths:
        storage.delete(path)
