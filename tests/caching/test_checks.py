"""manage.py check refuses a front-cache purge without a shared (Redis) cache."""

from django.core import checks
from django.test import override_settings

LOCAL = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {
        "BACKEND": "caching.redis.RedisCache",
        # Never contacted: the check reads the settings only.
        "LOCATION": "redis://127.0.0.1:6379/11",
    }
}
PURGE = "http://127.0.0.1:8080"


def errors():
    return [
        message.id
        for message in checks.run_checks()
        if message.level >= checks.ERROR and message.id.startswith("caching.")
    ]


def test_a_purge_url_with_a_local_cache_is_an_error():
    with override_settings(CACHES=LOCAL, FRONT_CACHE_PURGE_URL=PURGE):
        assert errors() == ["caching.E001"]


def test_a_purge_url_with_redis_is_fine():
    with override_settings(CACHES=REDIS, FRONT_CACHE_PURGE_URL=PURGE):
        assert errors() == []


def test_a_local_cache_without_purges_is_fine():
    with override_settings(CACHES=LOCAL, FRONT_CACHE_PURGE_URL=""):
        assert errors() == []
