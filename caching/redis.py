"""Django's Redis cache, with one Redis client per pool and near copies of pages.

Django's client makes a new redis.Redis object for every operation, and redis-py
fills a table of some 170 response callbacks in each: more CPU than the GET
itself, on every page-cache hit. redis.Redis objects are safe to share between
threads (connections come from the pool), so one per pool is kept.

A GET from Redis still costs a worker about 100 microseconds of CPU here, half
of what the framework floor spends on a whole request (bench/launch.py). So each
process keeps what it read of stored pages for PAGE_CACHE_NEAR_SECONDS (0.5 s)
at most, and drops
every copy when the stamp file changes (caching/stamp.py), as it does at once
whenever a process of this site deletes a page from Redis. A worker on another
machine misses that stamp and may answer from a copy up to that old:
shorter than the front cache's second purge (caching/purge.py), which clears
anything it passed on meanwhile.
"""

import time

from django.conf import settings
from django.core.cache.backends.redis import (
    RedisCache as DjangoRedisCache,
    RedisCacheClient as DjangoRedisCacheClient,
)

from caching import stamp

# In keys as made (prefix:version:key): the pages' keys (caching/pages.py).
PAGE_KEYS = ":pagecache:page:"
NEAR_PAGES = 500  # Pages read within PAGE_CACHE_NEAR_SECONDS: few, on any site.


class NearPages:
    """One process's copies of pages read from Redis: (bytes, stamp, until) by key."""

    def __init__(self) -> None:
        self._copies: dict[str, tuple[bytes, object, float]] = {}

    def get(self, key: str, seen, now: float) -> bytes | None:
        """The copy of key, if read since the stamp was last seen and still young."""
        copy = self._copies.get(key)
        if copy is None or copy[1] != seen or copy[2] <= now:
            return None
        return copy[0]

    def keep(self, key: str, value: bytes, seen, now: float) -> None:
        """Keep value, read from Redis after the stamp seen was read."""
        if len(self._copies) >= NEAR_PAGES:
            self._copies = {
                key: copy for key, copy in self._copies.items() if copy[2] > now
            }
            if len(self._copies) >= NEAR_PAGES:
                self._copies.clear()
        self._copies[key] = (value, seen, now + settings.PAGE_CACHE_NEAR_SECONDS)

    def clear(self) -> None:
        self._copies.clear()


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self.near = NearPages()

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client

    def get(self, key, default):
        if PAGE_KEYS not in key:
            return super().get(key, default)
        # The stamp first: a deletion after this read changes it, and the copy
        # kept below no longer matches.
        seen, now = stamp.read(), time.monotonic()
        value = self.near.get(key, seen, now)
        if value is None:
            value = self.get_client(key).get(key)
            if value is None:
                return default
            self.near.keep(key, value, seen, now)
        return self._serializer.loads(value)

    def delete(self, key):
        deleted = super().delete(key)
        if PAGE_KEYS in key:
            self._forget_pages()
        return deleted

    def delete_many(self, keys):
        super().delete_many(keys)
        if any(PAGE_KEYS in key for key in keys):
            self._forget_pages()

    def clear(self):
        cleared = super().clear()
        self._forget_pages()
        return cleared

    def _forget_pages(self) -> None:
        # After the deletion in Redis: a copy read before it must not match.
        self.near.clear()
        stamp.write()


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
