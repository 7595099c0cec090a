"""A broken item is reported and the rest goes on; a file that isn't an export is
refused whole, changing nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError

from articles.models import Article
from tests.factories import make_article
from tests.transfer.wordpress.conftest import (
    FIXTURES,
    SITE,
    post,
    run_import,
    write_wxr,
)

pytestmark = pytest.mark.django_db


def test_badly_formed_item_is_reported_and_the_others_imported(importer):
    output = run_import(FIXTURES / "broken-item.xml")

    assert sorted(Article.objects.values_list("slug", flat=True)) == ["after", "before"]
    assert "failed item #2 Fish & Chips: not well-formed XML" in output


def test_item_missing_its_type_and_status_is_reported(importer):
    output = run_import(SITE)

    assert "failed item #29 An item with no type or status: no wp:post_type" in output


def test_post_with_a_garbled_date_is_reported(importer, tmp_path):
    export = write_wxr(
        tmp_path / "export.xml",
        post(1, "Bad date", date_gmt="May the sixth"),
        post(2, "Good date", name="good"),
    )

    output = run_import(export)

    assert (
        "failed article #1 Bad date: wp:post_date_gmt 'May the sixth' is not a date"
        in output
    )
    assert list(Article.objects.values_list("slug", flat=True)) == ["good"]


def test_slug_taken_by_an_article_written_here_is_reported(importer, tmp_path):
    make_article(slug="piece", title="Written here")
    export = write_wxr(tmp_path / "export.xml", post(4, "Imported piece", name="piece"))

    output = run_import(export)

    assert "failed article #4 Imported piece: " in output
    assert "Written here" in output
    assert Article.objects.get(slug="piece").title == "Written here"


@pytest.mark.parametrize(
    "name", ["not-wxr.html", "plain-rss.xml", "xml-bomb.xml", "no-such-file.xml"]
)
def test_input_that_is_not_an_export_is_one_error_and_no_change(importer, name):
    with pytest.raises(CommandError, match=str(FIXTURES / name)):
        run_import(FIXTURES / name)

    assert not Article.objects.exists()


def test_without_a_superuser_the_import_refuses(db):
    with pytest.raises(CommandError, match="no active superuser"):
        run_import(SITE)


def test_named_user_who_may_not_publish_is_refused(importer):
    get_user_model().objects.create_user("reader", password="pw")

    with pytest.raises(CommandError, match="may not publish"):
        run_import(SITE, "--user", "reader")


def test_media_folder_that_does_not_exist_is_refused(importer, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        run_import(SITE, "--media", str(tmp_path / "nowhere"))

    assert not Article.objects.exists()


def test_unknown_time_zone_is_refused(importer):
    with pytest.raises(CommandError, match="Unknown time zone"):
        run_import(SITE, "--timezone", "Nowhere/Town")
