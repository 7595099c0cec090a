"""Django's Redis cache, with one Redis client per connection pool.

Django's client makes a new redis.Redis object for every operation, and redis-py
fills a table of some 170 response callbacks in each: more CPU than the GET
itself, on every page-cache hit. redis.Redis objects are safe to share between
threads (connections come from the pool), so one per pool is kept.
"""

from django.core.cache.backends.redis import (
    RedisCache as DjangoRedisCache,
    RedisCacheClient as DjangoRedisCacheClient,
)


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
