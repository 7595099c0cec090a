"""A cached page: its name, its cache key, storing it and answering from it.

A page is named "scheme host path?page=&p=&q=": like the front cache's key
(deploy/), only the arguments that count tell pages apart: page everywhere, p
on the sitemaps, q on search; others (?utm_source=x, ?q= on the home page)
share one entry. Their raw values are kept, as nginx's $arg_* are, so a purge
names the same entry. A query where those arguments are ambiguous (repeated, in
capitals or percent-encoded names, which Django and nginx read differently) or a
page number not written the one way (01, 1.0, last) is never cached: one page
must not be filed under another's name, nor one page under endless names.
"""

import hashlib
import math
import re
import time
from urllib.parse import quote, unquote_plus, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseNotModified
from django.utils.http import parse_etags

from caching.policy import shared_cache_control

PAGE_ARGS = ("page", "p", "q")
# Where each counts: paths starting with this (nginx's key does the same).
COUNTED_UNDER = {"page": "/", "p": "/sitemap", "q": "/search/"}
NUMBERED = ("page", "p")
CANONICAL_NUMBER = re.compile(r"[1-9][0-9]{0,6}")
# What a 304 repeats of the page's headers (RFC 9110, 15.4.5).
NOT_MODIFIED_HEADERS = ("Cache-Control", "Cache-Tag", "ETag", "Expires", "Vary")


def page_args(path: str, query_string: str) -> dict[str, str] | None:
    """The raw values of the arguments that count on path, or None if a cache
    must not keep the answer (ambiguous names, page numbers not canonical)."""
    if not query_string:
        return {}
    counted = [name for name in PAGE_ARGS if path.startswith(COUNTED_UNDER[name])]
    found: dict[str, str] = {}
    for part in query_string.split("&"):
        raw_name, _, value = part.partition("=")
        name = unquote_plus(raw_name)
        if name.lower() not in counted and raw_name.lower() not in counted:
            continue
        if raw_name != name or name not in counted or name in found:
            return None
        if name in NUMBERED and not CANONICAL_NUMBER.fullmatch(value):
            return None
        found[name] = value
    return found


def page_of(request) -> str | None:
    """The request's page name, or None if it is not one a cache may keep."""
    args = page_args(request.path, request.META.get("QUERY_STRING", ""))
    if args is None:
        return None
    # The Host as sent, unchecked: a page is stored only after the view ran, and
    # CommonMiddleware refuses a host not in ALLOWED_HOSTS (400, never stored),
    # so an unchecked host finds nothing.
    host = request.META.get("HTTP_HOST") or request.META["SERVER_NAME"]
    query = "&".join(f"{name}={args.get(name, '')}" for name in PAGE_ARGS)
    return f"{request.scheme} {host} {request.path}?{query}"


def public_page(path: str) -> str:
    """The page name readers reach path under: SITE_URL's scheme and host."""
    parts = urlsplit(settings.SITE_URL)
    query = "&".join(f"{name}=" for name in PAGE_ARGS)
    return f"{parts.scheme} {parts.netloc} {path}?{query}"


def key_of(page: str) -> str:
    # v2: stored with its expiry time (store()). Entries of the release before
    # are not read, only left to expire: answer() could not unpack them.
    return "pagecache:page:v2:" + hashlib.sha256(page.encode()).hexdigest()


def purge_target(page: str) -> tuple[str, str]:
    """(Host, request target) of a PURGE that names page's front-cache entry."""
    _scheme, host, rest = page.split(" ", 2)
    path, _, query = rest.rpartition("?")
    args = [arg for arg in query.split("&") if not arg.endswith("=")]
    target = quote(path, safe="/:@!$&'()*+,;=-._~")
    return host, target + ("?" + "&".join(args) if args else "")


def store(page: str, response, shared) -> None:
    """Keep response for shared.seconds, with the time it expires."""
    # The response itself, pickled as Django's own cache middleware stores it:
    # unpickling restores its headers without checking each again.
    expires_at = time.time() + shared.seconds
    cache.set(key_of(page), (expires_at, shared.revalidate, response), shared.seconds)


def answer(request, hit):
    """The stored page as a response: 304 if the reader has it already.

    Its s-maxage is what is left of its life: a front cache refetching it near
    its end must not get a fresh full lifetime (past the next scheduled time).
    """
    expires_at, revalidate, response = hit
    left = expires_at - time.time()
    seconds = max(0, math.floor(left))
    # The stale window ends where it did when stored (before any schedule).
    revalidate = max(0, math.floor(left + revalidate) - seconds)
    response["Cache-Control"] = shared_cache_control(seconds, revalidate)
    if response.status_code == 200 and etag_matches(request, response.get("ETag")):
        return not_modified(response.items())
    if request.method == "HEAD":
        response.content = b""
    return response


def not_modified(headers) -> HttpResponseNotModified:
    response = HttpResponseNotModified()
    for name, value in headers:
        if name in NOT_MODIFIED_HEADERS:
            response[name] = value
    return response


def etag_matches(request, etag: str | None) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header or not etag:
        return False
    # If-None-Match compares weakly (RFC 9110, 13.1.2).
    etags = [tag.removeprefix("W/") for tag in parse_etags(header)]
    return "*" in etags or etag.removeprefix("W/") in etags
