"""The SQLite backend leaves planner statistics behind when a connection closes."""

import sqlite3

import pytest
from django.db.utils import ConnectionHandler

from newsroom.sqlite.base import DatabaseWrapper


def file_database(path):
    handler = ConnectionHandler(
        {"default": {"ENGINE": "newsroom.sqlite", "NAME": str(path)}}
    )
    return handler["default"]


@pytest.fixture(autouse=True)
def database_access(django_db_blocker):
    # A database of the test's own, in a file: not the test database.
    with django_db_blocker.unblock():
        yield


def statistics(path) -> list[tuple]:
    with sqlite3.connect(path) as raw:
        found = raw.execute(
            "SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchall()
        return (
            raw.execute("SELECT tbl, idx FROM sqlite_stat1").fetchall() if found else []
        )


def test_closing_a_connection_analyzes_the_tables_it_read(tmp_path):
    path = tmp_path / "site.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, kind TEXT, at TEXT)")
        raw.execute("CREATE INDEX item_kind_at ON item (kind, at)")
        raw.executemany(
            "INSERT INTO item (kind, at) VALUES (?, ?)",
            [(f"kind{n % 3}", f"2026-01-{n % 28 + 1:02}") for n in range(2000)],
        )
    database = file_database(path)
    assert isinstance(database, DatabaseWrapper)
    with database.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM item WHERE kind = %s AND at < %s", ["kind1", "z"]
        )
        cursor.fetchall()
    assert statistics(path) == []

    database.close()

    assert ("item", "item_kind_at") in statistics(path)


def test_a_locked_database_still_closes(tmp_path):
    path = tmp_path / "site.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, kind TEXT)")
        raw.execute("CREATE INDEX item_kind ON item (kind)")
        raw.executemany("INSERT INTO item (kind) VALUES (?)", [("a",), ("b",)] * 50)
    database = file_database(path)
    database.settings_dict["OPTIONS"] = {"timeout": 0}
    with database.cursor() as cursor:
        cursor.execute("SELECT id FROM item WHERE kind = %s", ["a"])
        cursor.fetchall()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # holds the write lock ANALYZE needs
    try:
        database.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()

    assert database.connection is None
    assert statistics(path) == []
