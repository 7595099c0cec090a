"""With a cache per process (locmem), every worker stops serving a changed page.

A real gunicorn with two sync workers on a SQLite file and the local-memory cache,
as the site runs with neither DATABASE_URL nor REDIS_URL. Both workers cache the
home page; another process (manage.py, as an import or the demo would) unpublishes
a story; no worker may serve the home page with it afterwards.
"""

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


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("workers-share-invalidation")
    env = server_env(f"sqlite:///{tmp / 'site.sqlite3'}", tmp, NEWSROOM_PAGE_CACHE="1")
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
