"""Benchmark site search: median and p95 of one search, on demo data and 10,000 articles.

Run from the project root (it needs nothing running but PostgreSQL, for that part):

    .venv/bin/python bench/search_benchmark.py                      # SQLite, then PostgreSQL
    .venv/bin/python bench/search_benchmark.py --backend sqlite
    .venv/bin/python bench/search_benchmark.py --backend postgresql \\
        --postgres postgres://postgres@127.0.0.1:5432/postgres

Each backend runs in a throwaway database: a temporary SQLite file, or a PostgreSQL
database created (through psycopg, on the server --postgres points at) and dropped
afterwards. db.sqlite3, DATABASE_URL and media/ are never touched. The run migrates,
loads demo_content and times the ~20 queries in QUERIES; then it adds 10,000 articles
(bulk_create, indexed in bulk through search.index) and times them again.

One search is what the search page asks the search backend for: the first page,
backends.search(query, limit=20), which returns 20 hits and the total in one query. Each query runs once to warm up,
then --repeat times; the figures are the median and 95th percentile of all runs, in
milliseconds. It is a measurement, not a test: pytest doesn't collect bench/.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from io import StringIO
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
GENERATED_ARTICLES = 10_000
QUERIES = [
    "claude",
    "claude code",
    "api key",
    "privacy",
    "pricing",
    "model",
    "opus sonnet haiku",
    "context window",
    '"context window"',
    "prompt",
    "subscription",
    "anthropic",
    "tokens",
    "conversations training",
    "security data",
    "mistakes",
    "haiku -opus",
    "api or sdk",
    "how do I delete my conversations",
    "xylophone",  # Matches nothing.
]


def say(line: str) -> None:
    """A line of the report (ruff's T20 keeps print() out of the project)."""
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
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--articles", type=int, default=GENERATED_ARTICLES)
    # Internal: run the measurement in this process, against --database-url.
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.database_url:
        measure_all(args)
        return
    backends = (
        ["sqlite", "postgresql"] if args.backend in (None, "both") else [args.backend]
    )
    for backend in backends:
        run(backend, args)


def run(backend: str, args):
    """Measure one backend in a child process, against a database made for it."""
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        if backend == "sqlite":
            child(f"sqlite:///{tmp}/bench.sqlite3", tmp, args)
            return
        name = f"search_bench_{uuid.uuid4().hex[:8]}"
        postgres(args.postgres, f"CREATE DATABASE {name}")
        try:
            child(args.postgres.rsplit("/", 1)[0] + f"/{name}", tmp, args)
        finally:
            postgres(args.postgres, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def postgres(url: str, statement: str) -> None:
    """Run one statement outside a transaction (CREATE and DROP DATABASE need that)."""
    import psycopg

    conninfo = url.replace("postgres://", "postgresql://", 1)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(statement)


def child(database_url: str, media_root: str, args):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "1",  # demo_content runs only with debug on.
        "DJANGO_MEDIA_ROOT": media_root,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    env.pop("REDIS_URL", None)
    command = [sys.executable, __file__, "--database-url", database_url]
    command += ["--repeat", str(args.repeat), "--articles", str(args.articles)]
    subprocess.run(command, env=env, cwd=PROJECT, check=True)


def measure_all(args):
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    vendor = connection.vendor
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo_content", stdout=StringIO())
    say(
        f"\n== {vendor}: migrated and loaded demo content in {time.perf_counter() - started:.1f} s"
    )
    report(vendor, "demo data", args.repeat)

    started = time.perf_counter()
    generate_articles(args.articles)
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # As autovacuum would soon after a bulk load.
    say(
        f"== {vendor}: added {args.articles:,} articles in {time.perf_counter() - started:.1f} s"
    )
    report(vendor, f"+{args.articles:,} articles", args.repeat)


def timed_search(query: str) -> tuple[float, int]:
    from search import backends

    started = time.perf_counter()
    page = backends.search(query, limit=20)
    return (time.perf_counter() - started) * 1000, page.total


def report(vendor: str, label: str, repeat: int):
    from search.models import Document

    samples, worst = [], []
    for query in QUERIES:
        timed_search(query)  # Warm up: plans, caches.
        runs = [timed_search(query) for _ in range(repeat)]
        times = [ms for ms, _ in runs]
        samples += times
        worst.append((statistics.median(times), query, runs[0][1]))
    p95 = statistics.quantiles(samples, n=20, method="inclusive")[18]
    say(
        f"{vendor:<10} {label:<18} {Document.objects.count():>6} documents  "
        f"median {statistics.median(samples):6.2f} ms  p95 {p95:6.2f} ms  "
        f"({len(samples)} searches)"
    )
    for median, query, total in sorted(worst, reverse=True)[:3]:
        say(f"    slowest: {query!r:<38} {total:>6} hits  median {median:6.2f} ms")


def generate_articles(count: int):
    """count published articles of demo-like text, inserted and indexed in bulk."""
    from django.utils import timezone

    from articles.models import Article, Kind, Section, Status
    from demo.data import ARTICLES
    from search import index

    rng = random.Random(5)
    words = [w for data in ARTICLES for w in index.plain_text(data["body"]).split()]
    vocabulary = sorted(set(words))
    # Real text: frequent words often, rare ones seldom (demo word frequencies).
    weights = [words.count(w) for w in vocabulary]
    sections = list(Section.objects.all())
    kinds = list(Kind.values)
    now = timezone.now()

    def sentence(low, high):
        text = " ".join(rng.choices(vocabulary, weights, k=rng.randint(low, high)))
        return text[0].upper() + text[1:] + "."

    def body():
        parts = []
        for _ in range(rng.randint(3, 7)):
            parts.append(f"<h2>{sentence(2, 6)}</h2>")
            parts += [f"<p>{sentence(40, 120)}</p>" for _ in range(rng.randint(1, 3))]
        return "".join(parts)

    batch = 1000
    for start in range(0, count, batch):
        articles = []
        for n in range(start, min(start + batch, count)):
            html = body()  # Already clean: skip sanitize_html() for speed.
            articles.append(
                Article(
                    title=sentence(4, 11).rstrip("."),
                    slug=f"bench-{n}",
                    kind=rng.choice(kinds),
                    summary=sentence(20, 45),
                    body=html,
                    body_html=html,
                    section=rng.choice(sections),
                    status=Status.PUBLISHED if rng.random() < 0.9 else Status.DRAFT,
                    published_at=now - timedelta(minutes=rng.randint(1, 3 * 525_600)),
                )
            )
        Article.objects.bulk_create(articles)
        index.save_documents(
            index.document(
                index.ARTICLE,
                article.pk,
                title=article.title,
                summary=article.summary,
                body_html=article.body_html,
            )
            for article in articles
        )


if __name__ == "__main__":
    main()
