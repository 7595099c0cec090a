"""With Redis, each process answers a page it just read from its own copy.

A copy lives PAGE_CACHE_NEAR_SECONDS at most, and every copy in every process of the site
goes the moment any of them deletes a page from Redis (caching/redis.py).
"""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from caching import stamp
from caching.redis import NearPages
from tests.server import ROOT

REDIS_URL = os.environ.get("REDIS_URL")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set")
PAGE = "pagecache:page:v2:test-near-pages"


@pytest.fixture
def redis_cache():
    with override_settings(
        CACHES={
            "default": {"BACKEND": "caching.redis.RedisCache", "LOCATION": REDIS_URL}
        }
    ):
        cache = caches["default"]
        cache.clear()
        yield cache
        cache.clear()


def behind_its_back(cache, key: str, value: str) -> None:
    """Change a stored value in Redis without telling any process."""
    made = cache.make_key(key)
    client = cache._cache.get_client(write=True)
    client.set(made, cache._cache._serializer.dumps(value))


def test_a_page_read_again_comes_from_the_copy(redis_cache):
    redis_cache.set(PAGE, "first render", 60)
    assert redis_cache.get(PAGE) == "first render"

    behind_its_back(redis_cache, PAGE, "changed in Redis")

    assert redis_cache.get(PAGE) == "first render"


def test_other_keys_are_always_read_from_redis(redis_cache):
    redis_cache.set("site-settings", "first", 60)
    assert redis_cache.get("site-settings") == "first"

    behind_its_back(redis_cache, "site-settings", "second")

    assert redis_cache.get("site-settings") == "second"


def test_a_deletion_in_another_process_drops_the_copy_at_once(redis_cache):
    redis_cache.set(PAGE, "first render", 60)
    assert redis_cache.get(PAGE) == "first render"

    # Another process of this site: the same database names the same stamp file.
    database = {
        key: settings.DATABASES["default"][key] for key in ("ENGINE", "NAME", "HOST")
    }
    deletion = (
        "from django.conf import settings\n"
        f"settings.DATABASES['default'].update({database!r})\n"
        "from django.core.cache import cache\n"
        f"cache.delete_many([{PAGE!r}])\n"
        f"cache.set({PAGE!r}, 'second render', 60)\n"
    )
    env = {**os.environ, "REDIS_URL": REDIS_URL}
    subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", deletion],
        cwd=ROOT,
        env=env,
        check=True,
    )

    assert redis_cache.get(PAGE) == "second render"


def test_a_deletion_here_drops_the_copy(redis_cache):
    redis_cache.set(PAGE, "first render", 60)
    assert redis_cache.get(PAGE) == "first render"

    redis_cache.delete(PAGE)

    assert redis_cache.get(PAGE) is None


def test_a_copy_lives_near_seconds_at_most(settings):
    settings.PAGE_CACHE_NEAR_SECONDS = 0.5
    near = NearPages()
    seen = stamp.read()
    near.keep(PAGE, b"page", seen, now=100.0)

    assert near.get(PAGE, seen, now=100.45) == b"page"
    assert near.get(PAGE, seen, now=100.5) is None


def test_a_copy_read_before_a_deletion_is_not_answered(redis_cache):
    near = redis_cache._cache.near
    seen = stamp.read()  # as a worker reads it, just before its GET
    redis_cache.set(PAGE, "old render", 60)
    value = redis_cache._cache.get_client().get(redis_cache.make_key(PAGE))

    redis_cache.delete(PAGE)  # another request's invalidation, meanwhile
    near.keep(redis_cache.make_key(PAGE), value, seen, now=time.monotonic())

    assert redis_cache.get(PAGE) is None


def test_the_copies_stay_few():
    near = NearPages()
    seen = stamp.read()
    for number in range(2000):
        near.keep(f"page-{number}", b"page", seen, now=float(number))
    assert len(near._copies) <= 500
