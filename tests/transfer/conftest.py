from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from PIL import Image

from transfer.records import ImageFile, ImportedArticle


@pytest.fixture
def importer(db):
    """The account imports run as: a superuser, as the commands pick by default."""
    return get_user_model().objects.create_superuser("importer", "i@example.com", "pw")


def write_png(path: Path, size=(320, 200), color=(30, 120, 200)) -> Path:
    """A real PNG file on disk (Pillow), as an export or a writer's folder holds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, "PNG")
    return path


# Fixed, so that the same item twice is the same item.
PAST = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


def item(**fields) -> ImportedArticle:
    """An ImportedArticle; fields override a published news piece dated PAST."""
    fields.setdefault("source", "markdown")
    fields.setdefault("source_id", "first-piece")
    fields.setdefault("title", "First piece")
    fields.setdefault("slug", fields["source_id"])
    fields.setdefault("kind", "news")
    fields.setdefault("body", "<p>Hello <strong>readers</strong>.</p>")
    fields.setdefault("status", "published")
    fields.setdefault("published_at", PAST)
    return ImportedArticle(**fields)


def hero(path: Path, alt="A blue rectangle") -> ImageFile:
    return ImageFile(path=path, alt=alt, caption="Blue", credit="Photo: Test")
