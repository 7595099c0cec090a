"""read_export(): every WXR namespace variant, and refusing what is not an export."""

from pathlib import Path

import pytest

from tests.transfer.wordpress.conftest import FIXTURES, SITE, post, write_wxr
from transfer.errors import NotAnExport
from transfer.wordpress.wxr import BrokenItem, Item, read_export


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_each_namespace_variant_is_read(tmp_path, version):
    export = read_export(
        write_wxr(
            tmp_path / "export.xml",
            post(5, "Tide tables", content="High water at noon.", excerpt="Tides."),
            version=version,
        )
    )

    (item,) = export.items
    assert (item.post_id, item.title, item.status, item.post_type) == (
        "5",
        "Tide tables",
        "publish",
        "post",
    )
    assert (item.content, item.excerpt) == ("High water at noon.", "Tides.")


def test_oldest_export_format_is_read():
    export = read_export(FIXTURES / "minimal-1.0.xml")

    (item,) = export.items
    assert export.site_url == "http://blog.example.net/weblog"
    assert item.excerpt == "The first post of the blog."
    assert item.creator == "editor"


def test_authors_are_read_by_login():
    export = read_export(SITE)

    assert export.authors["bob.b"].display_name == "Bob Baker"


def test_postmeta_and_comments_are_read():
    items = {item.post_id: item for item in read_export(SITE).items}

    assert items["20"].meta_value("_thumbnail_id") == "10"
    assert items["20"].comments == 2


def test_item_missing_required_fields_is_broken_with_its_id_and_title():
    items = {item.post_id: item for item in read_export(SITE).items}

    assert isinstance(items["29"], BrokenItem)
    assert items["29"].title == "An item with no type or status"


def test_badly_formed_item_is_broken_and_the_others_are_read():
    items = read_export(FIXTURES / "broken-item.xml").items

    assert [type(item) for item in items] == [Item, BrokenItem, Item]
    assert (items[1].post_id, items[1].title) == ("2", "Fish & Chips")
    assert "not well-formed" in items[1].reason
    assert items[2].title == "After the break"


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("not-wxr.html", "not a WordPress export"),
        ("plain-rss.xml", "RSS feed, not a WordPress export"),
        ("xml-bomb.xml", "entities"),
        ("no-such-file.xml", "Cannot read"),
    ],
)
def test_input_that_is_not_an_export_is_refused(name, says):
    with pytest.raises(NotAnExport, match=says):
        read_export(FIXTURES / name)


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    export = Path(tmp_path / "xxe.xml")
    export.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        "<title>&x;</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>"
    )

    with pytest.raises(NotAnExport, match="entities or external references"):
        read_export(export)
