"""A cache that is down costs readers the page cache, never the page.

The lookup's error is logged once and the request is a miss: Django makes the
page as it does without a cache. Pages that show the site settings still fail:
SiteSettings.current() (siteconfig/) reads the same cache unguarded.
"""

import logging

import pytest
from django.test import override_settings

from tests.caching.test_wsgi_hits import call
from tests.factories import make_article
from tests.server import free_port

pytestmark = pytest.mark.django_db


def down_at(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "caching.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }


@pytest.fixture
def redis_down():
    # Nothing listens on a free port.
    with override_settings(CACHES=down_at(free_port())):
        yield


@pytest.fixture
def url(db):
    return make_article(title="Is Claude secure").get_absolute_url()


@pytest.mark.parametrize("path", ["/robots.txt", "/sitemap.xml"])
def test_a_reader_gets_the_page_while_the_cache_is_down(url, redis_down, path):
    status, _headers, _body, _queries = call(path)
    assert status == "200 OK"


def test_an_article_is_made_while_the_cache_is_down(url, redis_down):
    assert call(url)[0] == "200 OK"


def test_the_test_client_gets_the_page_too(client, url, redis_down):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200


def test_an_outage_is_logged_once(url, caplog):
    call("/sitemap.xml")  # The cache works: any earlier outage is over.
    with override_settings(CACHES=down_at(free_port())):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="caching"):
            call("/sitemap.xml")
            call("/sitemap.xml")
    outage = [r for r in caplog.records if r.name.startswith("caching")]
    assert [r.getMessage() for r in outage] == [
        "The cache is down: pages are made without it until it is back"
    ]
