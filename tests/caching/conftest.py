"""Fixtures for the page-cache tests: the cache on, a way to see a hit, a front.

A hit runs no SQL query, a page made again runs several: fetch() returns both the
response and the number of queries, so the tests tell hits from misses by what
serving them cost.
"""

import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Status
from caching.registry import clear_local_registry
from tests.factories import make_article
from tests.server import free_port


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


@pytest.fixture
def front(settings):
    """A plain HTTP server that records each request; purges go to it."""
    seen = []

    class Recorder(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_PURGE(self):
            seen.append((self.command, self.path, self.headers["Host"]))
            self.send_response(404)  # As nginx answers for an entry it lacks.
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.FRONT_CACHE_PURGE_URL = f"http://127.0.0.1:{server.server_port}"
    yield seen
    server.shutdown()
    server.server_close()


def wait_for(condition, within=10):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)  # Polling interval, not a wait for an event.
    return False
