"""System checks: settings the caching app cannot clear pages exactly with."""

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


@checks.register(checks.Tags.caches)
def check_purge_needs_a_shared_cache(app_configs=None, **kwargs):
    """FRONT_CACHE_PURGE_URL with a cache per process purges too little.

    Each worker files only the pages it rendered, so a change purges from the
    front cache only the pages the worker that made it rendered: the others stay
    there until they expire.
    """
    if not settings.FRONT_CACHE_PURGE_URL or isinstance(caches["default"], RedisCache):
        return []
    return [
        checks.Error(
            "NEWSROOM_FRONT_CACHE_PURGE_URL is set but the default cache is not "
            "Redis: each worker would purge only the pages it rendered itself, and "
            "the front cache would keep the other workers' pages stale.",
            hint="Set REDIS_URL (every worker then shares one page registry), or "
            "unset NEWSROOM_FRONT_CACHE_PURGE_URL (pages then go stale for at most "
            "NEWSROOM_SHARED_CACHE_SECONDS).",
            id="caching.E001",
        )
    ]
