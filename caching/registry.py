"""Which cached pages show what: tag -> the pages filed under it.

With Django's Redis cache the registry is Redis sets, shared by every worker and
updated atomically; with any other cache it is a set per tag in this process, under
a lock (the local-memory cache is this process's alone anyway). A page is
"scheme host path?query" (caching/pages.py). The generation counts invalidations:
a page rendered while one happened is not kept (caching/middleware.py).
"""

import threading
from collections import defaultdict
from collections.abc import Iterable

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

# Front caches may keep a stale page for long past its s-maxage (stale-if-error):
# its tags must still reach it.
TAG_SECONDS = 24 * 60 * 60
GENERATION = "pagecache:generation"


class RedisRegistry:
    def _client(self):
        return cache._cache.get_client(write=True)

    def _key(self, tag: str) -> str:
        return cache.make_key(f"pagecache:tag:{tag}")

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

    def bump_generation(self) -> None:
        self._client().incr(cache.make_key(GENERATION))


class LocalRegistry:
    def __init__(self):
        self._lock = threading.Lock()
        self._pages: dict[str, set[str]] = defaultdict(set)

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

    def bump_generation(self) -> None:
        with self._lock:
            cache.set(GENERATION, (cache.get(GENERATION) or 0) + 1, None)


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
