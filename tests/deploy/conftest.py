import gzip
import hashlib
import itertools
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.deploy import urls_front_cache
from tests.deploy.front import Nginx, free_port, require_nginx
from tests.tcp_proxy import TcpProxy

STATIC_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
_names = itertools.count()


@dataclass
class Front:
    """nginx in front of the live server, through a proxy the tests can cut."""

    nginx: Nginx
    app: TcpProxy
    static_root: Path
    media_root: Path
    hashed_css: str  # a /static/ path with a content hash in its name


def _static_root(base: Path) -> tuple[Path, str]:
    """A STATIC_ROOT as collectstatic leaves it: a hashed copy and its .gz."""
    root = base / "static"
    (root / "css").mkdir(parents=True)
    content = STATIC_CSS.read_bytes()
    hashed = f"css/site.{hashlib.md5(content).hexdigest()[:12]}.css"
    for name in ("css/site.css", hashed):
        (root / name).write_bytes(content)
        (root / f"{name}.gz").write_bytes(gzip.compress(content))
    return root, f"/static/{hashed}"


@pytest.fixture(scope="session")
def front(request, tmp_path_factory):
    require_nginx()
    # Asked for here, not as an argument: pytest-django gives every test that
    # names live_server a transactional database, flushed after it, which costs
    # seconds per test on PostgreSQL. See _database below.
    live_server = request.getfixturevalue("live_server")
    base = tmp_path_factory.mktemp("front")
    static_root, hashed_css = _static_root(base)
    media_root = base / "media"
    media_root.mkdir()
    address = urlsplit(live_server.url)
    app = TcpProxy(free_port(), (address.hostname, address.port)).start()
    nginx = Nginx(base, f"127.0.0.1:{app.port}", media_root, static_root)
    try:
        yield Front(nginx.start(), app, static_root, media_root, hashed_css)
    finally:
        nginx.stop()
        app.stop()


@pytest.fixture(autouse=True)
def _database(request):
    """Database access for the app while a test runs, rolled back after it.

    The site may read the database on any request. Tests whose rows the app
    must see (it answers from another thread) ask for transactional_db.
    """
    if "transactional_db" not in request.fixturenames:
        request.getfixturevalue("db")


@pytest.fixture
def page_name():
    """A name no other test used: its own cache entries and call count."""
    return f"page-{next(_names)}"


@pytest.fixture
def app_state():
    """The test pages' counters and switches, reset after each test."""
    yield urls_front_cache
    urls_front_cache.FAILING.clear()
    for gate in urls_front_cache.GATES.values():
        gate.set()
    urls_front_cache.GATES.clear()
