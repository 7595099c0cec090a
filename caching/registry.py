"""Which cached pages show what: tag -> the pages filed under it.

With Django's Redis cache the registry is Redis sets, shared by every worker and
updated atomically. With any other cache (the local-memory one) each process
keeps its own pages and filings, and the processes of one site tell each other
of invalidations through a stamp file (caching/stamp.py): a worker that sees
another's stamp drops its whole page cache before answering from it. Exact in
the worker that made the change, immediate everywhere.

A page is "scheme host path?query" (caching/pages.py). The generation changes
with every invalidation: a page rendered while one happened is not kept
(caching/middleware.py).
"""

import threading
from collections import defaultdict
from collections.abc import Hashable, Iterable

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

from caching import stamp

# Front caches may keep a stale page for long past its s-maxage (stale-if-error):
# its tags must still reach it.
TAG_SECONDS = 24 * 60 * 60
GENERATION = "pagecache:generation"


class RedisRegistry:
    def _client(self):
        return cache._cache.get_client(write=True)

    def _key(self, tag: str) -> str:
        return cache.make_key(f"pagecache:tag:{tag}")

    def sync(self) -> None:
        """Every worker reads the same Redis: nothing to catch up on."""

    def add(self, page: str, tags: Iterable[str]) -> None:
        pipe = self._client().pipeline(transaction=False)
        for tag in tags:
            pipe.sadd(self._key(tag), page)
            pipe.expire(self._key(tag), TAG_SECONDS)
        pipe.execute()

    def pop(self, tags: Iterable[str]) -> set[str]:
        keys = [self._key(tag) for tag in tags]
        if not keys:
            return set()
        pipe = self._client().pipeline(transaction=True)
        pipe.sunion(keys)
        pipe.delete(*keys)
        members, _ = pipe.execute()
        return {member.decode() for member in members}

    def generation(self) -> Hashable:
        return cache.get(GENERATION)

    def bump_generation(self) -> None:
        self._client().incr(cache.make_key(GENERATION))


class LocalRegistry:
    def __init__(self):
        self._lock = threading.Lock()
        self._pages: dict[str, set[str]] = defaultdict(set)
        self._count = 0
        self._seen = None  # The stamp as of this process's last look.

    def sync(self) -> None:
        """Drop this process's pages if another process invalidated since."""
        current = stamp.read()
        if current == self._seen:
            return
        with self._lock:
            if self._seen is not None:
                cache.clear()
                self._pages.clear()
            self._seen = current

    def add(self, page: str, tags: Iterable[str]) -> None:
        with self._lock:
            for tag in tags:
                self._pages[tag].add(page)

    def pop(self, tags: Iterable[str]) -> set[str]:
        with self._lock:
            return set().union(*(self._pages.pop(tag, set()) for tag in tags))

    def clear(self) -> None:
        """Forget every filing, as cache.clear() does for the Redis registry."""
        with self._lock:
            self._pages.clear()

    def generation(self) -> Hashable:
        return (self._count, stamp.read())

    def bump_generation(self) -> None:
        with self._lock:
            self._count += 1
            # Ours: this process keeps its other pages (it clears exactly).
            self._seen = stamp.write()


_local = LocalRegistry()


def clear_local_registry() -> None:
    """After clearing a local-memory cache: its pages' old filings go too.

    Left, they would only clear pages that no longer show a thing (harmless, but
    not exact).
    """
    _local.clear()


def registry() -> RedisRegistry | LocalRegistry:
    """The registry that goes with the default cache."""
    return RedisRegistry() if isinstance(caches["default"], RedisCache) else _local
