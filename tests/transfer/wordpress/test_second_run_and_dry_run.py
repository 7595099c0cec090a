"""Running the import again updates what it made; --dry-run changes nothing."""

import pytest
from taggit.models import Tag

from articles.models import Article, Author, Section
from images.models import Image
from redirects.models import Redirect
from tests.transfer.wordpress.conftest import SITE, post, run_import, write_wxr
from transfer.models import ImportedItem

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Image, Redirect, Tag, Section, Author, ImportedItem)
    }


def test_second_run_creates_nothing_and_reports_unchanged(importer, media):
    run_import(SITE, "--media", str(media))
    before = counts()

    output = run_import(SITE, "--media", str(media))

    assert counts() == before
    assert output.splitlines()[1].split() == ["article", "0", "0", "7", "2", "0"]


def test_changed_post_updates_the_article_it_made(importer, tmp_path):
    export = tmp_path / "export.xml"
    run_import(write_wxr(export, post(1, "First title", name="piece")))

    run_import(write_wxr(export, post(1, "Second title", name="piece")))

    assert list(Article.objects.values_list("title", flat=True)) == ["Second title"]


def test_items_are_told_apart_by_site_and_post_id(importer, tmp_path):
    export = tmp_path / "export.xml"
    run_import(write_wxr(export, post(1, "Piece", name="piece")))

    run_import(write_wxr(export, post(1, "Piece", name="renamed-piece")))

    assert list(Article.objects.values_list("slug", flat=True)) == ["renamed-piece"]


def test_dry_run_changes_nothing(importer, media):
    before = counts()

    output = run_import(SITE, "--media", str(media), "--dry-run")

    assert counts() == before
    assert output.startswith("Dry run: nothing was changed.")


def test_dry_run_reports_what_would_be_imported(importer, media):
    output = run_import(SITE, "--media", str(media), "--dry-run")

    assert output.splitlines()[2].split() == ["article", "7", "0", "0", "2", "0"]
