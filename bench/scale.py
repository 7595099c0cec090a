"""Reader pages at 1,000 and 100,000 articles: does any page grow with the archive?

Run from the project root (PostgreSQL must be running for that part):

    .venv/bin/python bench/scale.py                       # SQLite, then PostgreSQL
    .venv/bin/python bench/scale.py --backend sqlite --sizes 1000,100000
    .venv/bin/python bench/scale.py --reuse --sqlite-dir /tmp/scale   # keep archives

For each backend and size it builds an archive with `manage.py generate_archive`
(SQLite files in a temporary directory, or --sqlite-dir; PostgreSQL databases
nr_scale_1k, nr_scale_100k... on the server --postgres points at), unless --reuse
finds one of that size already. Then, in one process per archive, it requests each
page with Django's test client, uncached: NEWSROOM_PAGE_CACHE=0 and the cache
cleared before every request. Each archive's process makes --repeat requests per
page after one warm-up, and the sizes take turns for --rounds rounds; a page's
figure is the median of all its requests. It prints page | small ms | large ms |
ratio, per backend.
It is a measurement, not a test: pytest doesn't collect bench/.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
ARCHIVE = {"tags": 5000, "authors": 200}
# Search words: one most documents hold, one few do.
COMMON_WORD, RARE_WORD = "claude", "quokka"


def say(line: str = "") -> None:
    """A line of the report (ruff's T20 keeps print() out of the project)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--repeat", type=int, default=3, help="Requests per round.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--postgres", default="postgres://postgres@127.0.0.1:5432/postgres"
    )
    parser.add_argument("--pg-prefix", default="nr_scale_", help="Database names.")
    parser.add_argument("--sqlite-dir", help="Keep SQLite archives here.")
    parser.add_argument(
        "--reuse", action="store_true", help="Keep an archive of the right size."
    )
    # Internal: measure in this process, against --database-url.
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        say(json.dumps(measure(args.repeat)))
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    backends = (
        ["sqlite", "postgresql"] if args.backend in (None, "both") else [args.backend]
    )
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
        folder = Path(args.sqlite_dir or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for backend in backends:
            urls = {size: database(backend, size, folder, args) for size in sizes}
            for size, url in urls.items():
                build(url, size, args.reuse)
            # Sizes take turns, round after round: a machine whose load drifts
            # slows both alike.
            samples = {size: {} for size in sizes}
            for _ in range(args.rounds):
                for size, url in urls.items():
                    for page, times in run_measure(url, args.repeat).items():
                        samples[size].setdefault(page, []).extend(times)
            results = {
                size: {page: statistics.median(t) for page, t in pages.items()}
                for size, pages in samples.items()
            }
            table(backend, sizes, results)


def database(backend: str, size: int, folder: Path, args) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder}/scale-{label(size)}.sqlite3"
    name = f"{args.pg_prefix}{label(size)}"
    return args.postgres.rsplit("/", 1)[0] + f"/{name}"


def env(url: str) -> dict:
    values = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        # The project's settings with plain static files (no collectstatic needed)
        # and no HTTPS redirect, so the test client reads pages as served.
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "NEWSROOM_PAGE_CACHE": "0",
    }
    values.pop("REDIS_URL", None)
    return values


def build(url: str, size: int, reuse: bool) -> None:
    """An archive of size generated articles at url, made afresh unless reuse finds one."""
    if reuse and generated_count(url) == size:
        say(f"Reusing {url} ({size:,} articles).")
        return
    drop_and_create(url)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], env=env(url), cwd=PROJECT, check=True)
    started = time.perf_counter()
    command = [*manage, "generate_archive", "--articles", str(size)]
    command += ["--tags", str(ARCHIVE["tags"]), "--authors", str(ARCHIVE["authors"])]
    subprocess.run(command, env=env(url), cwd=PROJECT, check=True)
    say(f"Built {url}: {size:,} articles in {time.perf_counter() - started:.1f} s.")


def generated_count(url: str) -> int:
    script = (
        "import django; django.setup(); from demo.archive import existing_generated;"
        "print(existing_generated())"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env(url),
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.strip()) if done.returncode == 0 else -1


def drop_and_create(url: str) -> None:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    conninfo = server.replace("postgres://", "postgresql://", 1) + "/postgres"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")


def run_measure(url: str, repeat: int) -> dict:
    command = [sys.executable, __file__, "--measure", url, "--repeat", str(repeat)]
    done = subprocess.run(
        command, env=env(url), cwd=PROJECT, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(backend: str, sizes: list[int], results: dict) -> None:
    small, large = sizes[0], sizes[-1]
    say()
    say(f"{backend}: median of uncached requests, ms")
    header = f"| page | {label(small)} ms | {label(large)} ms | ratio |"
    say(header)
    say("| --- | ---: | ---: | ---: |")
    for page in results[small]:
        a, b = results[small][page], results[large].get(page)
        if b is None:
            continue
        say(f"| {page} | {a:.1f} | {b:.1f} | {b / a:.2f}x |")


def pages() -> dict[str, str]:
    """The pages to time, by name, with objects the archive certainly has."""
    from django.urls import reverse
    from taggit.models import Tag

    from articles.models import Article, Author, Section
    from demo.archive import GENERATED_PREFIX

    generated = Article.objects.published().filter(slug__startswith=GENERATED_PREFIX)
    article = generated.order_by("-published_at").first()
    # The first generated section, author and tag are the busiest (zipf_weights).
    section = Section.objects.filter(slug__startswith=GENERATED_PREFIX).order_by("pk")[
        0
    ]
    author = Author.objects.filter(slug__startswith=GENERATED_PREFIX).order_by("pk")[0]
    tag = Tag.objects.order_by("pk")[0]
    urls = {
        "article": article.get_absolute_url(),
        "home": reverse("articles:index"),
        "home page 5": reverse("articles:index") + "?page=5",
        "section": section.get_absolute_url(),
        "tag": reverse("articles:tag", args=[tag.slug]),
        "author": author.get_absolute_url(),
        "news": reverse("articles:news"),
        "feed rss": reverse("syndication:feed_rss"),
        "feed atom": reverse("syndication:feed_atom"),
        "feed json": reverse("syndication:feed_json"),
        "section rss": reverse("syndication:section_rss", args=[section.slug]),
        "tag rss": reverse("syndication:tag_rss", args=[tag.slug]),
        "author atom": reverse("syndication:author_atom", args=[author.slug]),
        "sitemap index": reverse("syndication:sitemap"),
    }
    urls.update(sitemap_files())
    urls["news sitemap"] = reverse("syndication:sitemap_news")
    urls[f"search {COMMON_WORD}"] = reverse("search:index") + f"?q={COMMON_WORD}"
    urls[f"search {RARE_WORD}"] = reverse("search:index") + f"?q={RARE_WORD}"
    return urls


def sitemap_files() -> dict[str, str]:
    """The index's first and last article file, and the other kinds' files."""
    import re

    from django.test import Client

    index = Client().get("/sitemap.xml").content.decode()
    locs = [loc.split("/", 3)[3] for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    files = {}
    articles = [loc for loc in locs if "articles" in loc]
    if articles:
        files["sitemap articles (first)"] = "/" + articles[0]
        files["sitemap articles (last)"] = "/" + articles[-1]
    for loc in locs:
        for kind in ("sections", "tags", "authors"):
            if f"sitemap-{kind}" in loc and f"sitemap {kind}" not in files:
                files[f"sitemap {kind}"] = "/" + loc
    return files


def measure(repeat: int) -> dict[str, list[float]]:
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    samples = {}
    for name, url in pages().items():
        times = []
        for _ in range(repeat + 1):
            cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            content = getattr(response, "content", None) or b"".join(
                response.streaming_content
            )
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200 or not content:
                raise SystemExit(f"{url} answered {response.status_code}")
        samples[name] = times[1:]
    return samples


if __name__ == "__main__":
    main()
