"""An import reads only files inside the folder it was given: a path in front
matter, a body or authors.yaml can't bring in any other file of the machine."""

from pathlib import Path

import pytest
import yaml

from articles.models import Article, Author
from images.models import Image
from tests.transfer.conftest import write_png
from tests.transfer.markdown import import_markdown, write_markdown

pytestmark = pytest.mark.django_db


@pytest.fixture
def outside(tmp_path):
    """A picture beside the imported folder, and that folder."""
    write_png(tmp_path / "private" / "secret.png")
    folder = tmp_path / "import"
    folder.mkdir()
    return tmp_path / "private" / "secret.png", folder


def front(hero) -> dict:
    return {"title": "A piece", "summary": "Short.", "hero": {"path": hero, "alt": "x"}}


@pytest.mark.parametrize("how", ["absolute", "dot-dot", "link"])
def test_a_hero_outside_the_folder_is_refused(outside, importer, how):
    secret, folder = outside
    hero = {"absolute": str(secret), "dot-dot": "../private/secret.png"}.get(how)
    if how == "link":
        (folder / "innocent.png").symlink_to(secret)
        hero = "innocent.png"
    write_markdown(folder, "piece.md", front(hero), "Body.")
    write_markdown(folder, "other.md", {"title": "Another"}, "Body.")

    report = import_markdown(folder)

    assert "outside" in report
    assert Image.objects.count() == 0
    assert list(Article.objects.values_list("slug", flat=True)) == ["other"]


def test_an_image_in_a_body_outside_the_folder_is_refused(outside, importer):
    _secret, folder = outside
    write_markdown(
        folder, "piece.md", {"title": "A piece"}, "![x](../private/secret.png)"
    )

    report = import_markdown(folder)

    assert "outside" in report
    assert Image.objects.count() == 0
    assert not Article.objects.exists()


def test_an_image_inside_the_folder_still_comes_in(outside, importer):
    _secret, folder = outside
    write_png(folder / "pictures" / "inside.png")
    write_markdown(folder, "piece.md", front("pictures/inside.png"), "Body.")

    import_markdown(folder)

    assert Article.objects.get().hero is not None


def export_with_author_photo(folder, photo: str):
    (folder / "articles").mkdir(parents=True)
    rows = [{"slug": "maya", "name": "Maya Okafor", "photo": photo}]
    (folder / "authors.yaml").write_text(yaml.safe_dump(rows))


def test_an_author_photo_outside_the_export_is_refused(outside, importer):
    _secret, folder = outside
    export_with_author_photo(folder, "../private/secret.png")

    report = import_markdown(folder)

    assert "outside" in report
    assert not Author.objects.filter(photo__gt="").exists()


def test_a_dry_run_stores_no_author_photo(outside, importer, settings):
    _secret, folder = outside
    write_png(folder / "images" / "face.png")
    export_with_author_photo(folder, "images/face.png")

    import_markdown("--dry-run", folder)

    assert not Author.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(media.rglob("*.png"))
