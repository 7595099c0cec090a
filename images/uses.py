"""Which bodies show which library images, so none is deleted or replaced under them.

Editors paste an image's HTML (its rendition's or original's address under
MEDIA_URL) into article bodies and FAQ answers. When such a body is saved, its owner
calls record_image_uses() with the sanitized HTML; the ImageUse rows it writes
protect the images. Apps with bodies register them (register_body()) in their
AppConfig.ready(), so `manage.py record_image_uses` can fill in bodies saved before
uses were tracked, without this app importing theirs.
"""

from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from posixpath import dirname
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from images.models import Image, ImageUse

# model -> the field holding its sanitized body HTML
_BODIES: dict[type[models.Model], str] = {}


def register_body(model: type[models.Model], html_field: str) -> None:
    """Declare that model's html_field may show library images."""
    _BODIES[model] = html_field


def bodies() -> Iterator[tuple[type[models.Model], str]]:
    """Each registered model and its body HTML field."""
    yield from _BODIES.items()


class _ImageSources(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.sources: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.extend(
                value for name, value in attrs if name == "src" and value
            )


def media_paths(html: str) -> set[str]:
    """The storage names of the files under MEDIA_URL that html's <img>s show."""
    media = urlsplit(Image.file.field.storage.url(""))
    media_prefix = media.path
    # The site's own host, or the bucket's when media is in object storage.
    hosts = {"", urlsplit(settings.SITE_URL).netloc, media.netloc}
    paths = set()
    for source in _ImageSources(html).sources:
        parts = urlsplit(source.strip())
        if parts.netloc not in hosts:
            continue
        if parts.path.startswith(media_prefix):
            paths.add(unquote(parts.path[len(media_prefix) :]))
    return paths


def images_showing(paths: Iterable[str]) -> list[Image]:
    """The library images one of whose stored files is among paths."""
    paths = set(paths)
    folders = {dirname(path) + "/" for path in paths}
    if not folders:
        return []
    # An image's renditions sit in its original's folder: look only there.
    in_folders = models.Q()
    for folder in folders:
        in_folders |= models.Q(file__startswith=folder)
    candidates = Image.objects.filter(in_folders).only("pk", "file", "renditions")
    return [image for image in candidates if paths & set(image.stored_paths())]


def record_image_uses(body_owner: models.Model, html: str) -> None:
    """Make body_owner's ImageUse rows match the library images html shows."""
    content_type = ContentType.objects.get_for_model(body_owner)
    shown = {image.pk for image in images_showing(media_paths(html))}
    rows = ImageUse.objects.filter(content_type=content_type, object_id=body_owner.pk)
    with transaction.atomic():
        rows.exclude(image__in=shown).delete()
        known = set(rows.values_list("image", flat=True))
        ImageUse.objects.bulk_create(
            ImageUse(image_id=pk, content_type=content_type, object_id=body_owner.pk)
            for pk in shown - known
        )
