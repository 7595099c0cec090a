"""Plain functions that make rows for tests: pass what matters, the rest is filled in.

The default article is published an hour ago, so tests state the exception.
"""

import io
import itertools
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import ExifTags, Image

from articles.models import Article, Author, Byline, Kind, Section, Status
from faq.models import Entry, Topic
from images.models import Image as LibraryImage
from sharing.models import ShareLink

_counter = itertools.count(1)


def make_section(**fields):
    fields.setdefault("name", f"Section {next(_counter)}")
    fields.setdefault("slug", slugify(fields["name"]))
    return Section.objects.create(**fields)


def make_author(**fields):
    fields.setdefault("name", f"Author {next(_counter)}")
    fields.setdefault("slug", slugify(fields["name"]))
    return Author.objects.create(**fields)


def make_article(*, authors=None, tags=(), **fields):
    fields.setdefault("title", f"Article {next(_counter)}")
    fields.setdefault("slug", slugify(fields["title"]))
    fields.setdefault("kind", Kind.NEWS)
    fields.setdefault("summary", f"What {fields['title']} is about, in short.")
    fields.setdefault("body", "<h2>First</h2><p>Body text.</p>")
    fields.setdefault("status", Status.PUBLISHED)
    if fields["status"] == Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now() - timedelta(hours=1))
    if "section" not in fields:
        fields["section"] = make_section()
    article = Article.objects.create(**fields)
    if authors is None:
        authors = [make_author()]
    for position, author in enumerate(authors):
        Byline.objects.create(article=article, author=author, position=position)
    if tags:
        article.tags.add(*tags)
    return article


CONTENT_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
}


def make_image_file(
    name="photo.jpg", size=(640, 360), color=(40, 90, 160), fmt="JPEG", image=None
):
    """A real image file, made with Pillow, ready to upload (pass image to draw your own)."""
    buffer = io.BytesIO()
    (image or Image.new("RGB", size, color)).save(buffer, fmt)
    content_type = CONTENT_TYPES.get(fmt, f"image/{fmt.lower()}")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


# Where a phone put the photo: 51°30'26"N 0°7'39"W.
GPS_POSITION = {1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)}


def make_photo_file(name="phone.jpg", size=(600, 400), fmt="JPEG", orientation=6):
    """A photo as a phone saves it: EXIF with a GPS position, a camera make and an
    orientation (6: turn it a quarter clockwise to view it, so it shows 400x600)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS_POSITION)
    options = {"exif": exif}
    if fmt == "JPEG":
        options["comment"] = b"Taken at home"
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, fmt, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=CONTENT_TYPES[fmt])


def make_image(**fields):
    """An image in the library, stored and rendered as an upload would be."""
    fields.setdefault("title", f"Image {next(_counter)}")
    fields.setdefault("alt_text", f"What {fields['title']} shows")
    if "file" not in fields:
        fields["file"] = make_image_file()
    image = LibraryImage(**fields)
    image.save()
    return image


def make_topic(**fields):
    fields.setdefault("name", f"Topic {next(_counter)}")
    fields.setdefault("slug", slugify(fields["name"]))
    return Topic.objects.create(**fields)


def make_entry(*, tags=(), **fields):
    """A published FAQ entry; pass is_published=False for a hidden one."""
    fields.setdefault("question", f"Question {next(_counter)}?")
    fields.setdefault("slug", slugify(fields["question"]))
    fields.setdefault("answer", f"<p>The answer to {fields['question']}</p>")
    fields.setdefault("is_published", True)
    if "topic" not in fields:
        fields["topic"] = make_topic()
    entry = Entry.objects.create(**fields)
    if tags:
        entry.tags.add(*tags)
    return entry


def make_share_link(**fields):
    """An active share link to a draft; returns (link, token), as the token isn't stored."""
    if "article" not in fields:
        fields["article"] = make_article(status=Status.DRAFT)
    link = ShareLink(**fields)
    token = link.set_token()
    link.save()
    return link, token
