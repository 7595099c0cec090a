"""Which pages shared caches may keep: declared once, in newsroom/urls.py.

shared("faq.urls") is that URLconf with every view marked as a reader page: the
middleware (caching/middleware.py) then sends it with the shared-cache headers to
readers without a session, and private, no-store to staff. Pages never declared
(the admin, share links, health checks) get none of it.
"""

from functools import wraps
from importlib import import_module

from django.urls import URLPattern, URLResolver

SHARED = "shared"
PRIVATE = "private"


def shared(urlconf: str, *, private_with: tuple[str, ...] = ()) -> tuple[list, str]:
    """include() argument: urlconf's pages, as reader pages.

    A request carrying any of the private_with query arguments (search's "q") is
    answered private, no-store: its results are one reader's.
    """
    module = import_module(urlconf)
    patterns = [_mark(p, private_with) for p in module.urlpatterns]
    return patterns, module.app_name


def _mark(pattern, private_with):
    if isinstance(pattern, URLResolver):
        raise TypeError("shared() takes URLconfs without include()s")
    return URLPattern(
        pattern.pattern,
        _reader_page(pattern.callback, private_with),
        pattern.default_args,
        pattern.name,
    )


def _reader_page(view, private_with):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        private = any(request.GET.get(name) for name in private_with)
        request.cache_policy = PRIVATE if private else SHARED
        return view(request, *args, **kwargs)

    return wrapped
