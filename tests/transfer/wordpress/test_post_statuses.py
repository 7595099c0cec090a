"""What state each WordPress status brings a post into, and when it was published."""

from datetime import UTC, datetime

import pytest

from articles.models import Article, Kind, Status
from tests.transfer.wordpress.conftest import post, run_import, write_wxr

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path):
    return write_wxr(
        tmp_path / "export.xml",
        post(1, "Published piece", name="published-piece"),
        post(
            2,
            "Scheduled piece",
            status="future",
            name="scheduled-piece",
            date_gmt="2099-01-01 07:00:00",
        ),
        post(3, "Draft piece", status="draft", name="draft-piece"),
        post(4, "Pending piece", status="pending", name="pending-piece"),
        post(5, "Private piece", status="private", name="private-piece"),
        post(6, "Trashed piece", status="trash", name="trashed-piece"),
    )


def test_published_post_is_live_with_its_gmt_date(importer, export):
    run_import(export)

    article = Article.objects.get(slug="published-piece")
    assert article.is_published
    assert article.published_at == datetime(2024, 5, 6, 9, 30, tzinfo=UTC)


def test_future_post_is_scheduled(importer, export):
    run_import(export)

    article = Article.objects.get(slug="scheduled-piece")
    assert article.status == Status.PUBLISHED
    assert not article.is_published
    assert article.published_at == datetime(2099, 1, 1, 7, 0, tzinfo=UTC)


def test_draft_post_is_a_draft(importer, export):
    run_import(export)

    assert Article.objects.get(slug="draft-piece").status == Status.DRAFT


def test_pending_post_is_in_review(importer, export):
    run_import(export)

    assert Article.objects.get(slug="pending-piece").status == Status.IN_REVIEW


def test_private_and_trashed_posts_are_skipped_and_reported(importer, export):
    output = run_import(export)

    assert not Article.objects.filter(slug__in=["private-piece", "trashed-piece"])
    assert "skipped article #5 Private piece: private in WordPress" in output
    assert "skipped article #6 Trashed piece: trash in WordPress" in output


def test_as_drafts_brings_every_post_in_as_a_draft(importer, export):
    run_import(export, "--as-drafts")

    assert set(Article.objects.values_list("status", flat=True)) == {Status.DRAFT}
    assert Article.objects.count() == 4


def test_post_without_a_gmt_date_is_dated_in_the_sites_zone(importer, tmp_path):
    export = write_wxr(
        tmp_path / "export.xml",
        post(1, "Old post", date="2010-07-01 12:00:00", date_gmt="0000-00-00 00:00:00"),
    )

    run_import(export, "--timezone", "Europe/Paris")

    assert Article.objects.get().published_at == datetime(2010, 7, 1, 10, tzinfo=UTC)


def test_post_the_publishing_rules_refuse_comes_in_as_a_draft_with_the_reason(
    importer, tmp_path
):
    export = write_wxr(
        tmp_path / "export.xml",
        post(9, "About us", post_type="page", name="about", excerpt=""),
    )

    output = run_import(export)

    article = Article.objects.get(slug="about")
    assert (article.kind, article.status) == (Kind.GUIDE, Status.DRAFT)
    assert "#9 About us: came in as a draft: " in output
    assert "summary" in output


def test_pages_become_guides(importer, tmp_path):
    export = write_wxr(tmp_path / "export.xml", post(9, "Tips", post_type="page"))

    run_import(export)

    article = Article.objects.get()
    assert (article.kind, article.is_published) == (Kind.GUIDE, True)


def test_pages_can_be_skipped(importer, tmp_path):
    export = write_wxr(tmp_path / "export.xml", post(9, "Tips", post_type="page"))

    output = run_import(export, "--pages", "skip")

    assert not Article.objects.exists()
    assert "skipped page #9 Tips" in output
