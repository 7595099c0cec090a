"""Addresses a redirect must never take over: the site's machinery and live pages.

The admin form refuses such a source (Redirect.clean()), and the fallback middleware
ignores a row for one that was saved before the rule, so neither an editor's typo nor
an old row can send readers, editors or health checks elsewhere.

A path is a live page when Django's URL resolver finds a view for it, with or without
its trailing slash. Pages about one object (an article, a section, a tag) answer only
while that object can be shown: the app that owns the object registers a check for
its URL names (register_page_check), since this app knows nothing of articles.
"""

from collections.abc import Callable

from django.conf import settings
from django.urls import Resolver404, resolve

# url name ("namespace:name") -> does the page answer readers for these kwargs?
PageCheck = Callable[..., bool]
_page_checks: dict[str, PageCheck] = {}


def register_page_check(url_name: str, answers: PageCheck) -> None:
    """Tell redirects when the page named url_name answers readers (kwargs as args)."""
    _page_checks[url_name] = answers


def system_prefixes() -> dict[str, str]:
    """Path prefix -> what lives under it, for the form's error message."""
    return {
        "/admin": "the admin (a redirect could lock editors out of it)",
        "/preview": "share-link previews",
        f"/{settings.STATIC_URL.strip('/')}": "static files",
        f"/{settings.MEDIA_URL.strip('/')}": "uploaded files",
        "/healthz": "the servers' health checks",
        "/readyz": "the servers' health checks",
    }


def system_owner(path: str) -> str | None:
    """What machinery path belongs to, or None for an ordinary address."""
    for prefix, owner in system_prefixes().items():
        if path == prefix or path.startswith(f"{prefix}/"):
            return owner
    return None


def live_page(path: str) -> str | None:
    """The address of the live page that answers at path (± its slash), or None."""
    alternative = path.removesuffix("/") if path.endswith("/") else f"{path}/"
    for candidate in (path, alternative):
        try:
            match = resolve(candidate)
        except Resolver404:
            continue
        answers = _page_checks.get(match.view_name)
        if answers is None or answers(**match.kwargs):
            return candidate
    return None


def reserved_reason(path: str) -> str | None:
    """Why a redirect from path is refused, in an editor's words; None if it may be."""
    if owner := system_owner(path):
        return f"{path} belongs to {owner}: it can't be redirected."
    if page := live_page(path):
        return (
            f"{path} can't be redirected: a live page answers at {page}. "
            "Unpublish or move that page first."
        )
    return None
