"""What the export holds besides posts and pages is counted in the report."""

import pytest

from tests.transfer.wordpress.conftest import SITE, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def output(importer, media):
    return run_import(SITE, "--media", str(media))


def test_comments_are_counted(output):
    assert "comments: 2 counted, not imported" in output


def test_menu_items_are_counted(output):
    assert "menu items: 2 counted, not imported" in output


def test_other_post_types_are_counted_by_type(output):
    assert "other post types: 1 plugins' data, not imported: product (1)" in output


def test_postmeta_not_understood_is_counted_by_key(output):
    assert "_jetpack_related_posts_cache (1)" in output


def test_terms_of_other_taxonomies_are_counted(output):
    assert "terms: 1 of other taxonomies, not imported: post_format (1)" in output


def test_unknown_shortcodes_are_listed_with_their_posts(output):
    assert "shortcodes: 1 unknown, left as text: [contact-form-7] (#20)" in output


def test_gallery_image_missing_from_the_export_is_reported(output):
    assert "attachment #99: in a [gallery] but not in the export" in output
