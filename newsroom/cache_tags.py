"""Cache tags: what a page shows, so that a change can clear exactly its pages.

A view names what it draws with add_cache_tags(request, "article-12", ...); the
caching app sends them in the Cache-Tag header, files the page under each, and
clears every page filed under a tag when that thing changes. It lives here, in the
project package, so that any app (articles included) can name its tags without
importing the caching app.

Tags in use: article-<id>, section-<id>, author-<id>, tag-<slug>, faq-<id>,
list-home, list-news, list-feeds, list-sitemaps, faq, corrections, and site (on
every page: site settings and navigation).
"""

from collections.abc import Callable, Iterable
from functools import wraps


def add_cache_tags(request, *tags: str) -> None:
    """Say that the response to request shows the things these tags name."""
    if request is None:
        return
    try:
        request.cache_tags.update(tags)
    except AttributeError:
        request.cache_tags = set(tags)


def cache_tags(request) -> set[str]:
    """The tags added for request so far."""
    return getattr(request, "cache_tags", set())


def article_tags(articles: Iterable) -> list[str]:
    """The tags of pages that show these articles (titles, links, cards)."""
    return [f"article-{article.pk}" for article in articles]


def tagged(view: Callable, *tags: str) -> Callable:
    """A view that adds tags to every response, for views we don't write."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        add_cache_tags(request, *tags)
        return view(request, *args, **kwargs)

    return wrapped
