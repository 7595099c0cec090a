"""Test-only pages that ask a shared cache to keep them, as reader pages will.

They run in pytest-django's live server, in this process, so the tests can count
how often the front server asked for each one and make it fail or wait. Until the
caching app lands, the site's own reader pages send no shared-cache headers; these
pages exercise the front server's configuration on their own.
"""

import threading
from collections import Counter

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from newsroom.urls import handler500, urlpatterns as site_urlpatterns  # noqa: F401

CALLS: Counter = Counter()  # name -> how many requests reached the app
FAILING: set[str] = set()  # names that answer 500
GATES: dict[str, threading.Event] = {}  # names whose answer waits for the test
_lock = threading.Lock()


def _count(name: str) -> int:
    with _lock:
        CALLS[name] += 1
        return CALLS[name]


def _public(body: str, seconds: int) -> HttpResponse:
    response = HttpResponse(body, content_type="text/plain")
    response["Cache-Control"] = f"public, max-age=0, s-maxage={seconds}"
    return response


@csrf_exempt
def cached(request, name):
    """Cacheable for 60 s; says which request made it (call number, credentials)."""
    number = _count(name)
    if name in FAILING:
        return HttpResponse("app error", status=500, content_type="text/plain")
    if name in GATES:
        GATES[name].wait(timeout=30)
    made_for = "session" if "sessionid" in request.COOKIES else "anonymous"
    if "HTTP_AUTHORIZATION" in request.META:
        made_for += "+authorization"
    return _public(
        f"{name} call {number} for {made_for} by {request.method}",
        seconds=1 if name.startswith("short") else 60,
    )


def with_etag(request, name):
    """Kept 1 s, with an ETag; a matching If-None-Match gets 304 (and is counted)."""
    number = _count(name)
    if request.headers.get("If-None-Match") == '"v1"':
        _count(f"{name}-304")
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(f"{name} call {number}", content_type="text/plain")
    response["ETag"] = '"v1"'
    response["Cache-Control"] = "public, max-age=0, s-maxage=1"
    return response


def with_cookie(request, name):
    """Says the shared cache may keep it, yet sets a cookie: must not be stored."""
    response = _public(f"{name} call {_count(name)}", seconds=60)
    response.set_cookie("reader", f"reader-{CALLS[name]}")
    return response


def private(request, name):
    response = HttpResponse(f"{name} call {_count(name)}", content_type="text/plain")
    response["Cache-Control"] = "private, max-age=60"
    return response


urlpatterns = [
    path("cached/<slug:name>/", cached),
    # Where p and q pick a page: sitemaps and search.
    path("sitemap-cached/<slug:name>/", cached),
    path("search/cached/<slug:name>/", cached),
    path("with-etag/<slug:name>/", with_etag),
    path("with-cookie/<slug:name>/", with_cookie),
    path("private/<slug:name>/", private),
    # Under the paths the front server never caches, whatever the app says.
    path("admin/test-cached/<slug:name>/", cached),
    path("preview/test-cached/<slug:name>/", cached),
    *site_urlpatterns,
]
