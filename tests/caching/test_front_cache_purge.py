"""Purges reach a real front cache: nginx with the cache-purge module.

nginx (a minimal proxy_cache with the contract's key and PURGE from 127.0.0.1,
like deploy/'s) runs in front of the live test server. A reader's second request
is a HIT; publishing purges exactly the pages it touches, so the next request
for them is a MISS showing the change, while other pages stay HITs.
"""

import getpass
import http.client
import shutil
import socket
import subprocess
import time
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from articles import publishing
from articles.models import Status
from tests.factories import make_article, make_section
from tests.server import free_port

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed"),
]

QUERIES = ("utm_source=x", "q=1", "p=2")
PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"
# Workers as the user running the tests (ignored unless that is root): the
# cache lives under pytest's private temporary folder.
CONFIG = """
load_module {module};
user {user};
pid {root}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    proxy_cache_path {root}/cache levels=1:2 keys_zone=pages:1m;
    # p counts on the sitemaps, q on search only (caching/pages.py); a PURGE's
    # $uri is /.purge<path> by the time the key is made.
    map $uri $p_if_sitemap {{
        "~^(?:/[.]purge)?/sitemap" $arg_p;
        default "";
    }}
    map $uri $q_if_search {{
        "~^(?:/[.]purge)?/search/" $arg_q;
        default "";
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            # Debian's cache-purge module (2.3) crashes a worker on the
            # "proxy_cache_purge PURGE from ..." form: route PURGE to the
            # separate-location form instead, with the same key.
            if ($request_method = PURGE) {{
                rewrite ^ /.purge$uri last;
            }}
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $http_host;
            proxy_cache pages;
            proxy_cache_key "$host$uri?page=$arg_page&p=$p_if_sitemap&q=$q_if_search";
            add_header X-Cache-Status $upstream_cache_status always;
        }}
        location ~ ^/[.]purge(/.*)$ {{
            internal;
            allow 127.0.0.1;
            deny all;
            # Kept before the maps' regexes run: they reset $1.
            set $purged_uri $1;
            proxy_cache_purge pages
                "$host$purged_uri?page=$arg_page&p=$p_if_sitemap&q=$q_if_search";
        }}
    }}
}}
"""


@pytest.fixture
def front(live_server, tmp_path, settings):
    """nginx in front of live_server: its port, and purges sent to it."""
    port = free_port()
    upstream = urlsplit(live_server.url).port
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        CONFIG.format(
            module=PURGE_MODULE,
            user=getpass.getuser(),
            root=tmp_path,
            port=port,
            upstream=upstream,
        )
    )
    process = subprocess.Popen(
        [
            "nginx",
            "-p",
            str(tmp_path),
            "-c",
            str(conf),
            "-e",
            str(tmp_path / "error.log"),
        ]
        + ["-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, process)
        settings.FRONT_CACHE_PURGE_URL = f"http://127.0.0.1:{port}"
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_for_port(port, process, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode())
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on {port}")


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.getheader("X-Cache-Status"), response.read().decode()
    finally:
        connection.close()


def test_publishing_purges_the_front_cache(front, editor):
    section = make_section(name="Tech", slug="tech")
    make_article(section=section, tags=["ai"])
    other = make_article(section=make_section(name="Life", slug="life"))
    story = make_article(
        title="Fresh story",
        section=section,
        tags=["ai"],
        status=Status.DRAFT,
        published_at=None,
    )
    touched = [
        reverse("articles:index"),
        reverse("articles:index") + "?page=1",
        reverse("articles:section", args=["tech"]),
        reverse("articles:tag", args=["ai"]),
        reverse("syndication:feed_rss"),
        reverse("syndication:sitemap_news"),
    ]
    untouched = [other.get_absolute_url(), reverse("articles:section", args=["life"])]
    for path in [*touched, *untouched]:
        get(front, path)
        assert get(front, path)[0] == "HIT", path
    # Only page, p (sitemaps) and q (search) make the front cache's key.
    sharing_home = [f"{reverse('articles:index')}?{query}" for query in QUERIES]
    for path in sharing_home:
        assert get(front, path)[0] == "HIT", path

    publishing.publish(story, user=editor)  # content_changed: purges on commit

    for path in touched:
        status, body = get(front, path)
        assert status == "MISS", path
        assert story.slug in body, path
    for path in untouched:
        assert get(front, path)[0] == "HIT", path
    # Purged with the home page they share, fresh from its refetch on.
    for path in sharing_home:
        status, body = get(front, path)
        assert status == "HIT", path
        assert story.slug in body, path


def test_a_front_cache_that_is_down_never_fails_publishing(
    live_server, settings, editor
):
    settings.FRONT_CACHE_PURGE_URL = f"http://127.0.0.1:{free_port()}"
    story = make_article(status=Status.DRAFT, published_at=None)
    publishing.publish(story, user=editor)
    story.refresh_from_db()
    assert story.is_published
