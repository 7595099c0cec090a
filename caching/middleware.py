"""The page cache: first in MIDDLEWARE, so a hit costs one cache read and no SQL.

A GET or HEAD without a session cookie or credentials is looked up by its page name
(caching/pages.py); a hit is answered from the stored status, headers and body (a
304 when the reader's If-None-Match matches). Otherwise the page is made as usual,
its declared headers set (caching/policy.py), and a page shared caches may keep is
stored and filed under its cache tags, unless content changed while it was made:
it may show the data from before the change, so neither we nor the front cache
keep it. PAGE_CACHE_ENABLED=False turns the store off; the headers stay.
"""

from django.conf import settings
from django.core.cache import cache

from caching import outage, pages, policy
from caching.declare import PRIVATE, SHARED
from caching.registry import registry

READS = ("GET", "HEAD")


def cached_answer(request):
    """The stored page's answer to request (maybe a 304), or None: make the page.

    Also called before Django's request handling starts (caching/wsgi.py).
    """
    if not settings.PAGE_CACHE_ENABLED or request.method not in READS:
        return None
    if policy.has_credentials(request) or (page := pages.page_of(request)) is None:
        return None
    try:
        registry().sync()
        hit = cache.get(pages.key_of(page))
    # Whatever the backend raises (redis-py's errors, a socket's): a miss.
    except Exception:
        outage.report()
        return None
    outage.recovered()
    return None if hit is None else pages.answer(request, hit)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (hit := cached_answer(request)) is not None:
            return hit
        enabled = settings.PAGE_CACHE_ENABLED
        page = generation = None
        # Without a store, a page is still guarded for the front cache's sake.
        guard = enabled or settings.FRONT_CACHE_PURGE_URL
        if guard and request.method in READS and not policy.has_credentials(request):
            page = pages.page_of(request)
        if page is not None:
            pages_registry = registry()
            try:
                pages_registry.sync()
                generation = pages_registry.generation()
            except Exception:
                # Down: the page is made and sent, kept by the front cache only.
                outage.report()
                page = None
        response = self.get_response(request)
        if getattr(request, "cache_policy", None) == SHARED and (
            pages.page_args(request.path, request.META.get("QUERY_STRING", "")) is None
        ):
            # Django and nginx would read this query differently, or it names a
            # page one of endless ways: keep it private.
            request.cache_policy = PRIVATE
        shared = policy.apply(request, response)
        if shared is not None and page is not None:
            store = enabled and request.method == "GET"
            try:
                shared = _keep(page, response, shared, generation, store=store)
            except Exception:
                # Gone down since the lookup: sent as made, kept by no one else.
                outage.report()
                policy.make_private(response)
                shared = None
        if shared is not None and pages.etag_matches(request, response.get("ETag")):
            return pages.not_modified(response.items())
        return response


def _keep(page, response, shared, generation, *, store: bool):
    """Store and file the page; what shared caches may keep of it, or None."""
    pages_registry = registry()
    if store:
        pages.store(page, response, shared)
        pages_registry.add(page, shared.tags)
    # Read after storing: an invalidation from now on finds it filed.
    if pages_registry.generation() != generation:
        # Made while content changed: it may show the data from before.
        cache.delete(pages.key_of(page))
        policy.make_private(response)
        return None
    return shared
