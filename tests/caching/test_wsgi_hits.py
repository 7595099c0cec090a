"""Page-cache hits answered by the WSGI application before Django handles the request."""

from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from newsroom.wsgi import application
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def call(path, **headers):
    """(status, headers, body, SQL queries) of one request to newsroom.wsgi."""
    environ = {"PATH_INFO": path, "HTTP_HOST": "testserver", "wsgi.input": BytesIO()}
    environ.update(headers)
    setup_testing_defaults(environ)
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started.update(status=status, headers=dict(response_headers))

    # As Django's test client does: closing "old" connections would close the
    # test's own, inside its transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with CaptureQueriesContext(connection) as queries:
            chunks = application(environ, start_response)
            body = b"".join(chunks)
            getattr(chunks, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started["status"], started["headers"], body, len(queries)


@pytest.fixture
def url(db):
    return make_article(title="Is Claude secure", tags=["ai"]).get_absolute_url()


def test_a_stored_page_is_answered_without_a_query(url):
    status, headers, body, queries = call(url)
    assert (status, queries > 0) == ("200 OK", True)
    status, hit_headers, hit_body, queries = call(url)
    assert (status, queries) == ("200 OK", 0)
    assert hit_body == body
    for name in ("Content-Type", "ETag", "Content-Security-Policy"):
        assert hit_headers[name] == headers[name], name
    assert "Set-Cookie" not in hit_headers


def test_a_hit_never_starts_django_request_handling(url):
    started = []

    def count(**kwargs):
        started.append(1)

    request_started.connect(count)
    try:
        call(url)
        assert len(started) == 1
        call(url)
        assert len(started) == 1
    finally:
        request_started.disconnect(count)


def test_a_matching_etag_gets_304_without_a_body(url):
    etag = call(url)[1]["ETag"]
    status, headers, body, queries = call(url, HTTP_IF_NONE_MATCH=etag)
    assert (status, body, queries) == ("304 Not Modified", b"", 0)
    assert headers["ETag"] == etag


def test_a_session_cookie_goes_past_the_stored_page(url):
    call(url)
    status, headers, _body, queries = call(url, HTTP_COOKIE="sessionid=whatever")
    assert status == "200 OK"
    assert queries > 0
    assert "no-store" in headers["Cache-Control"]


def test_nothing_is_answered_from_the_cache_when_it_is_off(url, settings):
    call(url)
    settings.PAGE_CACHE_ENABLED = False
    assert call(url)[3] > 0
