"""Fixtures for the page-cache tests: the cache on, and a way to see a hit.

A hit runs no SQL query, a page made again runs several: fetch() returns both the
response and the number of queries, so the tests tell hits from misses by what
serving them cost.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Status
from caching.registry import clear_local_registry
from tests.factories import make_article


@pytest.fixture(autouse=True)
def page_cache(settings):
    # tests/conftest.py clears the cache for each test; the filings go with it.
    clear_local_registry()
    settings.PAGE_CACHE_ENABLED = True
    settings.SHARED_CACHE_SECONDS = 60
    settings.SHARED_CACHE_STALE_WHILE_REVALIDATE = 30
    settings.SHARED_CACHE_STALE_IF_ERROR = 86400
    settings.FRONT_CACHE_PURGE_URL = ""


def fetch(client, url, method="get", **headers):
    """(response, SQL queries it took); 0 queries means the page cache answered."""
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, headers=headers)
    return response, len(queries)


def is_cached(client, url) -> bool:
    return fetch(client, url)[1] == 0


def cache_control(response) -> dict[str, str]:
    """Cache-Control as {directive: value}; value "" for a bare directive."""
    directives = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name] = value
    return directives


def schedule_in(seconds: int, **fields) -> Article:
    return make_article(
        status=Status.PUBLISHED,
        published_at=timezone.now() + timedelta(seconds=seconds),
        **fields,
    )
