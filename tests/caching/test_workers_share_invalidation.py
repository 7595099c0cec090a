"""Every worker stops serving a changed page at once, whatever keeps its pages.

A real gunicorn with two sync workers on a SQLite file, with the local-memory
cache (a cache per process, as the site runs without REDIS_URL) or with Redis,
where each worker keeps near copies of the pages it read (caching/redis.py).
Both workers cache the home page; another process (manage.py, as an import or
the demo would) unpublishes a story; no worker may serve the home page with it
afterwards.
"""

import os

import pytest

from tests.server import manage, running_server, seed_site, server_env

READS = 24  # Enough for both workers to answer several.
LINK = 'href="/articles/story-1/"'
UNPUBLISH = (
    "from django.contrib.auth import get_user_model\n"
    "from articles import publishing\n"
    "from articles.models import Article\n"
    "publishing.unpublish(Article.objects.get(slug='story-1'),"
    " user=get_user_model().objects.get(username='editor1'))\n"
)


@pytest.fixture(scope="module", params=["local-memory cache", "Redis"])
def site(request, tmp_path_factory):
    redis = {}
    if request.param == "Redis":
        if not os.environ.get("REDIS_URL"):
            pytest.skip("REDIS_URL is not set")
        # Copies that would outlive the test: only the stamp can drop them.
        redis = {
            "REDIS_URL": os.environ["REDIS_URL"],
            "NEWSROOM_PAGE_CACHE_NEAR_SECONDS": "600",
        }
    tmp = tmp_path_factory.mktemp("workers-share-invalidation")
    env = server_env(
        f"sqlite:///{tmp / 'site.sqlite3'}", tmp, NEWSROOM_PAGE_CACHE="1", **redis
    )
    seed_site(env)
    with running_server(env, workers=2) as server:
        yield server, env


def test_a_change_elsewhere_clears_every_worker(site):
    server, env = site
    client = server.client()
    first = [client.get("/") for _ in range(READS)]
    assert all(LINK in page.text for page in first)
    assert "s-maxage" in first[-1].headers["cache-control"]

    manage(env, "shell", "-c", UNPUBLISH)

    stale = [n for n in range(READS) if LINK in client.get("/").text]
    assert stale == []
