"""A correction and a hero image change what feeds and sitemaps say of an article:
its updated/lastmod date, its enclosure and image entry. They clear those too."""

import pytest
from django.urls import reverse

from corrections.models import Note
from tests.caching.conftest import is_cached
from tests.factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return make_article(
        section=make_section(name="Tech", slug="tech"),
        authors=[make_author(name="Ada Writer", slug="ada")],
        tags=["ai"],
    )


def feeds_and_sitemaps():
    return [
        reverse("syndication:feed_rss"),
        reverse("syndication:feed_json"),
        reverse("syndication:section_rss", args=["tech"]),
        reverse("syndication:tag_atom", args=["ai"]),
        reverse("syndication:author_rss", args=["ada"]),
        reverse("syndication:sitemap"),
        reverse("syndication:sitemap_news"),
        reverse("syndication:sitemap_section", args=["articles"]),
    ]


def prime(client, urls):
    for url in urls:
        client.get(url)
        assert is_cached(client, url), url


def test_a_correction_clears_feeds_and_sitemaps(
    client, article, django_capture_on_commit_callbacks
):
    prime(client, feeds_and_sitemaps())
    with django_capture_on_commit_callbacks(execute=True):
        Note.objects.create(article=article, kind="correction", text="We erred.")
    for url in feeds_and_sitemaps():
        assert not is_cached(client, url), url


def test_a_hero_image_change_clears_feeds_and_sitemaps(
    client, article, django_capture_on_commit_callbacks
):
    image = make_image(caption="Old caption")
    article.hero = image
    article.save()
    prime(client, feeds_and_sitemaps())
    with django_capture_on_commit_callbacks(execute=True):
        image.caption = "A new caption"
        image.save()
    for url in feeds_and_sitemaps():
        assert not is_cached(client, url), url


def test_an_image_no_article_uses_clears_nothing(
    client, article, django_capture_on_commit_callbacks
):
    image = make_image(caption="Unused")
    prime(client, feeds_and_sitemaps())
    with django_capture_on_commit_callbacks(execute=True):
        image.caption = "Still unused"
        image.save()
    for url in feeds_and_sitemaps():
        assert is_cached(client, url), url
