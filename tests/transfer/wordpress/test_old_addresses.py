"""Every old permalink answers with a permanent redirect to the new address."""

import pytest

from tests.transfer.wordpress.conftest import SITE, post, run_import, write_wxr
from transfer.wordpress.mapping import old_paths
from transfer.wordpress.wxr import read_export

pytestmark = pytest.mark.django_db


def test_old_permalink_redirects_to_the_article(importer, media, client):
    run_import(SITE, "--media", str(media))

    response = client.get("/2024/05/harbour-reopens/")

    assert response.status_code == 301
    assert response["Location"] == "/articles/harbour-reopens/"


def test_earlier_slug_redirects_too(importer, media, client):
    run_import(SITE, "--media", str(media))

    response = client.get("/2024/05/harbour-to-reopen/")

    assert response.status_code == 301
    assert response["Location"] == "/articles/harbour-reopens/"


def test_old_paths_are_the_links_path_and_earlier_slugs():
    items = {item.post_id: item for item in read_export(SITE).items}

    assert old_paths(items["20"]) == [
        "/2024/05/harbour-reopens/",
        "/2024/05/harbour-to-reopen/",
    ]


def test_plain_permalinks_get_no_redirect(tmp_path):
    # /?p=7 is the home page's address: our home page would answer it.
    export = tmp_path / "export.xml"
    write_wxr(export, post(7, "Piece", link="https://old.example.org/?p=7"))
    (item,) = read_export(export).items

    assert old_paths(item) == []


def test_pages_below_the_sites_own_path_keep_it(tmp_path):
    export = write_wxr(
        tmp_path / "export.xml",
        post(8, "About", post_type="page", link="https://blog.example.net/news/about/"),
    )
    (item,) = read_export(export).items

    assert old_paths(item) == ["/news/about/"]
