"""Benchmark the site under load: 50 readers while an editor publishes 20 times.

Run from the project root; it starts its own gunicorn (2 sync workers) on a port in
18300-18399, on a throwaway database, and stops it afterwards:

    .venv/bin/python bench/concurrency.py                      # SQLite, then PostgreSQL
    .venv/bin/python bench/concurrency.py --backend sqlite
    .venv/bin/python bench/concurrency.py --backend postgresql \\
        --postgres postgres://postgres@127.0.0.1:5432/postgres

Readers (threads, one connection per request) fetch the home page, articles and a
section page until the editor is done. The editor logs in and, through the admin
form with its CSRF token, unpublishes and publishes one article in turn. The report:
requests, errors (5xx or no answer), "database is locked" lines in the server's
log, and reader latency p50/p99. It is a measurement, not a test: pytest doesn't
collect bench/.
"""

import argparse
import itertools
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import psycopg  # noqa: E402

from tests.admin_form import FormReader  # noqa: E402
from tests.server import Client, running_server, seed_site, server_env  # noqa: E402

READER_PAGES = [
    "/",
    "/articles/story-2/",
    "/articles/story-3/",
    "/articles/story-4/",
    "/section/news/",
    "/section/guides/",
]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"])
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="A PostgreSQL server to create the throwaway database on.",
    )
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--publishes", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    backends = (
        ["sqlite", "postgresql"] if args.backend in (None, "both") else [args.backend]
    )
    for backend in backends:
        with tempfile.TemporaryDirectory(prefix="concurrency-bench-") as tmp:
            if backend == "sqlite":
                measure("sqlite", f"sqlite:///{tmp}/bench.sqlite3", Path(tmp), args)
                continue
            name = f"concurrency_bench_{uuid.uuid4().hex[:8]}"
            server = args.postgres.rsplit("/", 1)[0]
            postgres(args.postgres, f"CREATE DATABASE {name}")
            try:
                measure("postgresql", f"{server}/{name}", Path(tmp), args)
            finally:
                postgres(args.postgres, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def postgres(url: str, statement: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


def measure(backend: str, database_url: str, tmp: Path, args) -> None:
    env = server_env(database_url, tmp)
    seed_site(env, editors=1, articles=6)
    with running_server(env, workers=args.workers) as server:
        done = threading.Event()
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()

        def read(offset: int) -> None:
            reader = server.client()
            for path in itertools.islice(itertools.cycle(READER_PAGES), offset, None):
                if done.is_set():
                    return
                try:
                    reply = reader.get(path)
                except OSError as error:
                    with lock:
                        errors.append(f"{path}: {error}")
                    continue
                with lock:
                    latencies.append(reply.seconds)
                    if reply.status != 200:
                        errors.append(f"{path}: {reply.status}")

        readers = [
            threading.Thread(target=read, args=(n,)) for n in range(args.readers)
        ]
        started = time.monotonic()
        for thread in readers:
            thread.start()
        try:
            editor_errors = publish_repeatedly(
                server, article_id(database_url, "story-1"), args.publishes
            )
        finally:
            done.set()
            for thread in readers:
                thread.join()
        elapsed = time.monotonic() - started
        locked = server.output().count("database is locked")
    quantiles = statistics.quantiles(latencies, n=100)
    say(
        f"{backend}: {len(latencies)} reader requests in {elapsed:.1f} s, "
        f"{args.readers} readers, {args.workers} workers; "
        f"editor saves {args.publishes}, failed {len(editor_errors)}"
    )
    say(
        f"  errors {len(errors)}, database is locked {locked}, "
        f"p50 {quantiles[49] * 1000:.0f} ms, p99 {quantiles[98] * 1000:.0f} ms"
    )
    for error in (errors + editor_errors)[:10]:
        say(f"  {error}")


def article_id(database_url: str, slug: str) -> int:
    query = "SELECT id FROM articles_article WHERE slug = "
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            return connection.execute(query + "?", (slug,)).fetchone()[0]
    with psycopg.connect(database_url) as connection:
        return connection.execute(query + "%s", (slug,)).fetchone()[0]


def publish_repeatedly(server, article_id: int, times: int) -> list[str]:
    """Unpublish and publish story-1 through the admin form; the failures."""
    editor = Client(server.url)
    editor.log_in("editor1")
    url = f"/admin/articles/article/{article_id}/change/"
    failures = []
    for n in range(times):
        form = FormReader("article_form")
        form.feed(editor.get(url).text)
        # The form's buttons (articles/admin_publishing.py) make the change.
        transition = "unpublish" if n % 2 == 0 else "publish"
        reply = editor.post(url, {**form.fields, "_transition": transition})
        if reply.status != 302:
            failures.append(f"editor save {n} ({transition}): {reply.status}")
    return failures


if __name__ == "__main__":
    main()
