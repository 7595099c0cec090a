"""Scheduled articles appear on time: no cached page outlives the next publish time.

The next scheduled time is one indexed query (articles' status, published_at
index), kept in the cache for SHARED_CACHE_SECONDS and worked out again whenever an
article is saved or content changes.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone

from articles.models import Article, Status
from caching import outage

KEY = "pagecache:next-scheduled"
NONE = 0.0  # Cached "nothing is scheduled" (None would read as a cache miss).


def next_scheduled_at() -> float:
    """The next scheduled publish time as a Unix time, or NONE."""
    at = (
        Article.objects.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return at.timestamp() if at else NONE


def remember_next_scheduled() -> None:
    """Work the next time out again now (after an article's save)."""
    cache.set(KEY, next_scheduled_at(), settings.SHARED_CACHE_SECONDS)


def forget_next_scheduled() -> None:
    cache.delete(KEY)


def seconds_until_next_scheduled() -> float | None:
    """Seconds until the next scheduled article goes live; None if none is."""
    now = time.time()
    try:
        at, cached = cache.get(KEY), True
    except Exception:
        outage.report()  # Down: the database answers, every time until it is back.
        at, cached = None, False
    if at is None or NONE < at <= now:
        try:
            at = next_scheduled_at()
        except DatabaseError:
            # The page came without the database: keep it nowhere, to be safe.
            return 0.0
        if cached:
            cache.set(KEY, at, settings.SHARED_CACHE_SECONDS)
    return None if at == NONE else max(0.0, at - now)
