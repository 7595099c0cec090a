"""Featured and in-body images: from --media into the image library, or reported."""

import pytest

from articles.models import Article
from images.models import Image
from tests.transfer.wordpress.conftest import SITE, run_import

pytestmark = pytest.mark.django_db


def article(slug):
    return Article.objects.get(slug=slug)


def test_featured_image_is_the_hero_with_its_alt_text_and_caption(importer, media):
    run_import(SITE, "--media", str(media))

    hero = article("harbour-reopens").hero
    assert hero.alt_text == "Fishing boats moored in a grey harbour"
    assert hero.caption == "The harbour before the boats leave"


def test_in_body_image_points_at_the_library_copy(importer, media):
    run_import(SITE, "--media", str(media))

    body = article("harbour-reopens").body_html
    hero = article("harbour-reopens").hero
    assert f'src="{hero.body_picture["url"]}"' in body
    assert "old.example.org/wp-content" not in body


def test_resized_copy_and_original_are_one_library_image(importer, media):
    run_import(SITE, "--media", str(media))

    assert Image.objects.filter(file__contains="harbour").count() == 1


def test_block_editor_image_without_alt_gets_the_library_alt(importer, media):
    run_import(SITE, "--media", str(media))

    assert (
        'alt="Fishing boats moored in a grey harbour"'
        in article("block-editor-post").body_html
    )


def test_gallery_shows_its_images_from_the_library(importer, media):
    run_import(SITE, "--media", str(media))

    body = article("harbour-reopens").body_html
    market = Image.objects.get(alt_text="Market stalls under striped awnings")
    assert f'<img src="{market.body_picture["url"]}"' in body
    assert "<figcaption>Stalls on Saturday</figcaption>" in body


def test_image_missing_from_media_is_reported(importer, media):
    output = run_import(SITE, "--media", str(media))

    assert "skipped image #20 Harbour reopens after the storm: " in output
    assert "uploads/2023/01/lost.jpg: file not found under" in output


def test_image_from_another_site_is_reported(importer, media):
    output = run_import(SITE, "--media", str(media))

    assert "elsewhere.example.com/hotlinked.jpg: not in the WordPress media" in output


def test_featured_image_that_is_not_an_image_is_reported_and_the_post_goes_live(
    importer, media
):
    output = run_import(SITE, "--media", str(media))

    piece = article("broken-featured-image")
    assert (piece.is_published, piece.hero) == (True, None)
    assert "fake.jpg: The image fake.jpg: This file is not a JPEG" in output


def test_without_media_folder_images_are_reported_and_posts_still_come_in(importer):
    output = run_import(SITE)

    assert article("harbour-reopens").hero is None
    assert not Image.objects.exists()
    assert "harbour.jpg: no --media folder given" in output
