"""Page-cache hits answered before Django's request handling starts.

A hit needs no URL resolving, middleware, session or database: answered here, it
costs little more than the WSGI call itself, the framework floor the launch
benchmark compares it with (bench/launch.py). Misses, and anything that reaches
Django some other way (the test client), go through PageCacheMiddleware, which
stores pages and answers hits the same way (caching/middleware.py).
"""

from django.core.handlers.wsgi import WSGIRequest

from caching.middleware import cached_answer


def serve_cached_pages(application):
    """Wrap a Django WSGI application: hits from the page cache, the rest to it."""

    def serve(environ, start_response):
        response = cached_answer(WSGIRequest(environ))
        if response is None:
            return application(environ, start_response)
        # Stored pages set no cookie (caching/policy.py): their headers are all.
        start_response(
            f"{response.status_code} {response.reason_phrase}", [*response.items()]
        )
        return [response.content]

    return serve
