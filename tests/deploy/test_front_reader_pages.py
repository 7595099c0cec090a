"""End to end: the site's own reader pages through the front cache.

These need the app's shared-cache headers, which the caching app (issue #10, the
"cache" part) adds: until it is installed they skip, and then they must pass.
"""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import make_article

pytestmark = [
    pytest.mark.urls("tests.deploy.urls_front_cache"),
    pytest.mark.skipif(
        "caching" not in settings.INSTALLED_APPS,
        reason="reader pages send shared-cache headers once the caching app lands",
    ),
]


@pytest.fixture
def article(transactional_db):
    return make_article(title="Front cache story", tags=["frontcache"])


def _reader_pages(article):
    return [
        article.get_absolute_url(),
        "/",
        article.section.get_absolute_url(),
        "/tag/frontcache/",
        "/news/",
        "/feeds/rss/",
    ]


def _fresh(front, path):
    front.nginx.purge(path)  # An earlier test may have cached it.
    return front.nginx.get(path)


def test_reader_pages_are_a_miss_then_a_hit(front, article):
    for path in _reader_pages(article):
        first = _fresh(front, path)
        second = front.nginx.get(path)

        assert (first.status, first.cache) == (200, "MISS"), path
        assert (second.status, second.cache) == (200, "HIT"), path


def test_article_page_with_tracking_arguments_shares_the_entry(front, article):
    path = article.get_absolute_url()
    _fresh(front, path)

    assert front.nginx.get(f"{path}?utm_source=newsletter").cache == "HIT"


def test_editor_is_never_served_a_cached_page(front, article, editor):
    path = article.get_absolute_url()
    _fresh(front, path)
    browser = Client()
    browser.force_login(editor)
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value

    reply = front.nginx.get(path, Cookie=f"sessionid={session}")

    assert reply.cache == "BYPASS"


def test_page_an_editor_saw_is_not_stored_for_readers(front, article, editor):
    path = article.get_absolute_url()
    front.nginx.purge(path)
    browser = Client()
    browser.force_login(editor)
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value
    front.nginx.get(path, Cookie=f"sessionid={session}")

    assert front.nginx.get(path).cache == "MISS"


def test_purge_makes_the_next_reader_a_miss(front, article):
    path = article.get_absolute_url()
    _fresh(front, path)

    purged = front.nginx.purge(path)

    assert purged.status == 200
    assert front.nginx.get(path).cache == "MISS"
