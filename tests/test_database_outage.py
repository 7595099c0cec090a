"""The database goes away and comes back: readers get a 503 page, then the site.

A real gunicorn reaches the test database through tests/tcp_proxy.py, which the
tests cut and restore; the machine's PostgreSQL keeps running throughout.
"""

import json

import pytest
from django.db import connection

from tests.factories import make_article
from tests.server import free_port, running_server, server_env
from tests.tcp_proxy import TcpProxy

# Cutting the database away from a server process needs a server to cut it from.
pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"
    ),
    # Asks pytest-django for the test database, which the server process uses.
    pytest.mark.django_db,
]
# A reader may wait this long for the outage page (seconds).
PATIENCE = 5


@pytest.fixture(scope="module")
def site_through_proxy(django_db_setup, django_db_blocker, tmp_path_factory):
    """A server on the test database, through a proxy; an article it shows."""
    with django_db_blocker.unblock():
        # Committed, so the server's own connections see it; deleted afterwards.
        article = make_article(title="Still here after the outage")
        db = connection.settings_dict
        proxy = TcpProxy(
            free_port(), (db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
        )
        proxy.start()
        password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
        url = f"postgres://{db['USER']}{password}@127.0.0.1:{proxy.port}/{db['NAME']}"
        tmp = tmp_path_factory.mktemp("outage")
        try:
            with running_server(server_env(url, tmp)) as server:
                yield server, proxy, article
        finally:
            proxy.stop()
            for row in (article, article.section, *article.authors.all()):
                row.delete()


@pytest.fixture
def site(site_through_proxy):
    server, proxy, article = site_through_proxy
    yield server, proxy, article
    proxy.stop()  # Whatever the test did, the next one starts with it up.
    proxy.start()


def test_readers_get_the_outage_page_and_then_the_site_again(site):
    server, proxy, article = site
    reader = server.client()
    path = article.get_absolute_url()
    assert reader.get(path).status == 200

    proxy.stop()
    outage = reader.get(path)
    assert outage.status == 503
    assert outage.seconds < PATIENCE
    assert outage.headers["retry-after"] == "30"
    assert 'id="site-disclaimer"' in outage.text
    assert "Traceback" not in outage.text

    proxy.start()
    back = reader.get(path)
    assert back.status == 200
    assert article.title in back.text


def test_readyz_names_the_database_while_it_is_away(site):
    server, proxy, _ = site
    probe = server.client()
    proxy.stop()
    reply = probe.get("/readyz")
    assert reply.status == 503
    assert json.loads(reply.body) == {"database": "failed", "cache": "ok"}
    assert reply.seconds < PATIENCE

    proxy.start()
    assert probe.get("/readyz").status == 200
