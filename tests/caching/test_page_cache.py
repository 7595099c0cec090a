"""The app's page cache: a hit is the stored page, served without one SQL query."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.caching.conftest import cache_control, fetch, is_cached
from tests.factories import make_article

pytestmark = pytest.mark.django_db

SAME_HEADERS = ("Content-Type", "ETag", "Cache-Tag")


@pytest.fixture
def article(db):
    return make_article(title="Is Claude secure", tags=["ai"])


def test_a_hit_runs_no_query_and_repeats_the_page(client, article):
    url = article.get_absolute_url()
    first, queries = fetch(client, url)
    assert queries > 0
    hit, queries = fetch(client, url)
    assert queries == 0
    assert hit.status_code == 200
    assert hit.content == first.content
    for name in (*SAME_HEADERS, "Content-Security-Policy", "X-Frame-Options"):
        assert hit[name] == first[name], name
    # What is left of its life (tests/caching/test_hit_lifetime.py).
    assert cache_control(hit)["s-maxage"] in ("59", "60")
    assert not hit.cookies


def test_head_gets_the_headers_only(client, article):
    url = article.get_absolute_url()
    client.get(url)
    with_head, queries = fetch(client, url, method="head")
    assert queries == 0
    assert with_head.status_code == 200
    assert with_head.content == b""
    assert cache_control(with_head)["s-maxage"] in ("59", "60")


def test_only_page_p_and_q_tell_pages_apart(client, article):
    home = reverse("articles:index")
    client.get(home)
    assert is_cached(client, home + "?utm_source=newsletter&ref=x")
    assert not is_cached(client, home + "?page=1")
    assert is_cached(client, home + "?page=1&utm_medium=social")


def test_staff_are_never_served_from_the_cache(editor_client, article):
    reader = Client()
    url = article.get_absolute_url()
    reader.get(url)
    assert is_cached(reader, url)
    response, queries = fetch(editor_client, url)
    assert queries > 0
    assert cache_control(response) == {"private": "", "no-store": ""}
    # ...and what they were sent is kept for no one.
    cache.clear()
    editor_client.get(url)
    assert not is_cached(reader, url)


def test_an_ambiguous_query_is_never_stored(client, article):
    url = reverse("articles:index") + "?page=1&page=2"
    client.get(url)
    assert not is_cached(client, url)


def test_private_pages_are_not_stored(client, article):
    url = reverse("search:index") + "?q=claude"
    client.get(url)
    assert not is_cached(client, url)


def test_the_page_cache_can_be_turned_off(client, article, settings):
    settings.PAGE_CACHE_ENABLED = False
    url = article.get_absolute_url()
    client.get(url)
    response, queries = fetch(client, url)
    assert queries > 0
    # Shared caches in front still get their headers.
    assert "s-maxage=60" in response["Cache-Control"]
