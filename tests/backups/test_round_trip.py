"""The demo site survives SQLite → backup → PostgreSQL → backup → SQLite unchanged.

Each site is its own database and MEDIA_ROOT, driven through manage.py and
tests/backups/site_snapshot.py in subprocesses (this process has one DATABASES).
Every public page found by crawling from the home page, feeds and sitemaps must be
byte-identical on all three. One stated normalisation: search results are compared
as the set of pages found, because ranking and highlighting are each engine's own
(ts_rank on PostgreSQL, FTS5's bm25 on SQLite), backup or not.

Needs PostgreSQL on 127.0.0.1:5432 (user postgres): the test creates a database,
named after DATABASE_URL's when that is PostgreSQL, else NEWSROOM_TEST_DATABASE_PREFIX
or "newsroom", and drops it afterwards.
"""

import difflib
import json
import os
import shutil
import socket
import subprocess
import sys
import tarfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import dj_database_url
import psycopg
import pytest

PROJECT = Path(__file__).resolve().parents[2]
POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


def postgres_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=2).close()
    except OSError:
        return False
    return True


def database_prefix() -> str:
    config = dj_database_url.config(default="sqlite://:memory:")
    if "postgresql" in config["ENGINE"]:
        return config["NAME"]
    return os.environ.get("NEWSROOM_TEST_DATABASE_PREFIX", "newsroom")


@contextmanager
def fresh_postgres_database():
    name = f"{database_prefix()}_backup_{os.getpid()}"
    with psycopg.connect(POSTGRES_SERVER, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(POSTGRES_SERVER, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Site:
    """One copy of the site: a database and a media folder, run in subprocesses."""

    def __init__(self, database_url: str, media_root: Path):
        environment = {
            key: value
            for key, value in os.environ.items()
            # Each site keeps its own local-memory cache: a shared Redis would
            # serve one site's cached settings to the other.
            if key not in ("REDIS_URL", "DATABASE_URL", "DJANGO_MEDIA_ROOT")
        }
        self.environment = {
            **environment,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DJANGO_DEBUG": "1",  # demo_content runs only with debug on.
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(media_root),
        }

    def run(self, *arguments: str) -> str:
        result = subprocess.run(
            [sys.executable, *arguments],
            cwd=PROJECT,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"{arguments} failed:\n{result.stderr}"
        return result.stdout

    def manage(self, *arguments: str) -> str:
        return self.run("manage.py", *arguments)

    def snapshot(self) -> dict:
        return json.loads(self.run("-m", "tests.backups.site_snapshot", "snapshot"))


def assert_same_site(expected: dict, actual: dict, label: str) -> None:
    assert len(expected["pages"]) > 50, "the crawl found too few pages"
    assert set(actual["pages"]) == set(expected["pages"]), label
    for url, digest in expected["pages"].items():
        if actual["pages"][url] != digest:
            diff = difflib.unified_diff(
                expected["bodies"][url].splitlines(),
                actual["bodies"][url].splitlines(),
                lineterm="",
                n=1,
            )
            pytest.fail(f"{label}: {url} differs:\n" + "\n".join(list(diff)[:40]))
    assert actual["search"] == expected["search"], label
    assert actual["media"] == expected["media"], label
    assert actual["history"] == expected["history"], label
    assert actual["log"] == expected["log"], label


def data_members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {
            member.name: tar.extractfile(member).read()
            for member in tar.getmembers()
            if member.name.startswith("data/")
        }


@pytest.mark.skipif(
    not postgres_reachable(), reason="PostgreSQL is not reachable on 127.0.0.1:5432"
)
def test_demo_site_round_trips_through_postgresql_and_back(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    source = Site(f"sqlite:///{tmp_path / 'source.sqlite3'}", tmp_path / "media-1")
    with fresh_postgres_database() as database_url:
        postgres = Site(database_url, tmp_path / "media-2")
        # PostgreSQL's migrate waits on the server mostly: let it overlap.
        with ThreadPoolExecutor(max_workers=1) as pool:
            migrating = pool.submit(postgres.manage, "migrate", "--verbosity", "0")
            source.manage("migrate", "--verbosity", "0")
            shutil.copy(tmp_path / "source.sqlite3", empty)  # Migrated, no content.
            source.manage("demo_content")
            source.run("-m", "tests.backups.site_snapshot", "history")
            original = source.snapshot()
            source.manage("backup", str(tmp_path / "from-sqlite.tar.gz"))
            migrating.result()
        postgres.manage("restore", str(tmp_path / "from-sqlite.tar.gz"))
        assert_same_site(original, postgres.snapshot(), "SQLite → PostgreSQL")
        postgres.manage("backup", str(tmp_path / "from-postgresql.tar.gz"))

    shutil.copy(empty, tmp_path / "back.sqlite3")
    back = Site(f"sqlite:///{tmp_path / 'back.sqlite3'}", tmp_path / "media-3")
    back.manage("restore", str(tmp_path / "from-postgresql.tar.gz"))
    assert_same_site(original, back.snapshot(), "PostgreSQL → SQLite")

    # The rows themselves come out byte for byte the same from either engine.
    assert data_members(tmp_path / "from-postgresql.tar.gz") == data_members(
        tmp_path / "from-sqlite.tar.gz"
    )
