"""Plain functions that make rows for tests: pass what matters, the rest is filled in.

The default article is published an hour ago, so tests state the exception.
"""

import io
import itertools
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

from articles.models import Article, Author, Byline, Kind, Section, Status
from faq.models import Entry, Topic

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


def make_image_file(name="photo.jpg", size=(640, 360), color=(40, 90, 160), fmt="JPEG"):
    """A real image file, made with Pillow, ready to upload."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[fmt]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


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
