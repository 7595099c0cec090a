"""The Cache-Control, ETag and Cache-Tag headers of declared reader pages.

Readers without a session get a page any shared cache may keep, for
SHARED_CACHE_SECONDS or until the next scheduled article, whichever is sooner; a
request with a session cookie or credentials (staff) gets private, no-store, so an
editor never gets or leaves a cached page. A view that said no-store or private
itself (a draft preview) keeps its word; server errors are never cached.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.utils.cache import (
    add_never_cache_headers,
    patch_vary_headers,
    set_response_etag,
)

from caching.declare import PRIVATE
from caching.schedule import seconds_until_next_scheduled
from newsroom.cache_tags import cache_tags

# Statuses a shared cache may keep: pages, moved pages and missing ones.
CACHEABLE = (200, 301, 404)
# Missing and moved pages (redirects answer 404s) are kept by the front cache
# only, this briefly, and filed nowhere: a page published at their address is
# fresh this soon with no purge, and an attacker's endless missing addresses
# fill no registry and add nothing to the purges a publish sends.
NOT_FOUND_SECONDS = 2
KEEPS_ITS_OWN = ("private", "no-store", "no-cache")


@dataclass(frozen=True)
class Shared:
    """A response shared caches may keep, and for how long (seconds)."""

    seconds: int
    revalidate: int
    tags: tuple[str, ...]


def has_credentials(request) -> bool:
    meta = request.META
    if "HTTP_AUTHORIZATION" in meta:
        return True
    # Readers send no cookie at all: don't parse what isn't there.
    return "HTTP_COOKIE" in meta and settings.SESSION_COOKIE_NAME in request.COOKIES


def apply(request, response) -> Shared | None:
    """Set the caching headers the page's declaration asks for.

    Returns what the page cache may keep and file (pages, never missing or moved
    ones), or None.
    """
    policy = getattr(request, "cache_policy", None)
    if policy is None:
        return None
    if response.status_code >= 500:
        add_never_cache_headers(response)
        return None
    if _keeps_its_own(response):
        return None
    if (
        policy == PRIVATE
        or has_credentials(request)
        or response.cookies
        or response.status_code not in CACHEABLE
        or response.streaming
    ):
        make_private(response)
        return None
    tags = {"site", *cache_tags(request)}
    seconds, revalidate = _lifetime(response.status_code, tags)
    response["Cache-Control"] = shared_cache_control(seconds, revalidate)
    _drop_vary_cookie(response)
    response["Cache-Tag"] = " ".join(sorted(tags))
    if response.status_code == 200 and not response.has_header("ETag"):
        set_response_etag(response)
    if response.status_code != 200 or seconds <= 0:
        return None
    return Shared(seconds, revalidate, tuple(sorted(tags)))


def shared_cache_control(seconds: int, revalidate: int) -> str:
    """Cache-Control of a page shared caches may keep for seconds."""
    return (
        f"public, max-age=0, s-maxage={seconds}, "
        f"stale-while-revalidate={revalidate}, "
        f"stale-if-error={settings.SHARED_CACHE_STALE_IF_ERROR}"
    )


def _keeps_its_own(response) -> bool:
    value = response.get("Cache-Control", "").lower()
    return any(word in value for word in KEEPS_ITS_OWN)


def make_private(response) -> None:
    response["Cache-Control"] = "private, no-store"
    # Whoever else asks gets their own answer: staff pages differ by user.
    patch_vary_headers(response, ("Cookie",))


def _lifetime(status: int, tags: set[str]) -> tuple[int, int]:
    """s-maxage and stale-while-revalidate: neither reaches past the next schedule.

    A page that names nothing but the site (robots.txt, the empty search form)
    shows no article, so no schedule bounds it, and it asks the database nothing.
    """
    seconds = settings.SHARED_CACHE_SECONDS
    if status != 200:
        seconds = min(seconds, NOT_FOUND_SECONDS)
    revalidate = settings.SHARED_CACHE_STALE_WHILE_REVALIDATE
    until = None if tags == {"site"} else seconds_until_next_scheduled()
    if until is not None:
        seconds = min(seconds, math.floor(until))
        revalidate = max(0, min(revalidate, math.floor(until) - seconds))
    return max(0, seconds), revalidate


def _drop_vary_cookie(response) -> None:
    """No Vary: Cookie for readers: a session read in a template left it there.

    The request carried no session cookie (has_credentials), so every reader
    without one gets this same page.
    """
    if not response.has_header("Vary"):
        return
    kept = [
        value.strip()
        for value in response["Vary"].split(",")
        if value.strip() and value.strip().lower() != "cookie"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
