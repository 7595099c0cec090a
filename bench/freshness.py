"""Freshness: how long after an editor publishes do readers see it, through the front?

With the stack running (the front cache's address, or any address serving the
site), run from the project root:

    .venv/bin/python bench/freshness.py http://127.0.0.1:8080 [--count 20]
        [--user editor --password editor-demo] [--template is-claude-secure]
        [--timeout 90] [--interval 0.1] [--settle 1] [--keep]

As the demo editor, over HTTP through that address (log in, open the change form,
press the button, with the CSRF token, as a browser does), it creates --count draft
news articles ("probes") copying the template article's section, authors and tags.
Then for each probe in turn it reads every page once (so a cache holds it), presses
Publish and, once that answered, polls as an anonymous reader, one thread per page,
until the probe appears: the article, home, /news/, its section, author and tag
pages, the RSS, Atom and JSON feeds and the news sitemap. Then Unpublish, and the same until it is gone from all of them. After every
page is fresh it polls --settle seconds more to catch a page flipping back. The
probes are deleted at the end (--keep keeps them as drafts).

Printed: per page, the median and max time until fresh after publishing and after
unpublishing, and the stale pages a reader saw (fetches after the button's answer
that still showed the old state); then the same over all pages, against issue #10's
target (all within 2 s, 0 stale), and the X-Cache-Status values seen.
"""

import argparse
import gzip
import http.client
import statistics
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.editor import Editor

FIXED_PAGES = [
    "/",
    "/news/",
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/json/",
    "/sitemap-news.xml",
]


@dataclass
class Watch:
    """One page through one transition: when it was last stale, what it served."""

    path: str
    fresh_after: float | None = None  # seconds from the button's answer
    stale: int = 0
    fetches: int = 0
    cache: Counter = field(default_factory=Counter)


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def read(url: str, path: str) -> tuple[int, str, bytes]:
    """GET path as an anonymous reader (no cookie): status, X-Cache-Status, body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port or 80, timeout=30
    )
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        reply = connection.getresponse()
        body = reply.read()
    finally:
        connection.close()
    if reply.getheader("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return reply.status, reply.getheader("X-Cache-Status", "-"), body


def prime(url: str, paths: list[str]) -> None:
    """Fetch every page once, in parallel, as readers before the change would."""

    def one(path: str) -> None:
        try:
            read(url, path)
        except OSError:
            pass  # watch() counts what readers get; this only fills caches.

    threads = [threading.Thread(target=one, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def watch(
    url: str, paths: list[str], marker: bytes, present: bool, args
) -> list[Watch]:
    """Poll every path from now until all show the wanted state (+ settle)."""
    started = time.monotonic()
    watches = [Watch(path) for path in paths]
    all_fresh_at: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    def poll(item: Watch) -> None:
        while not stop.is_set():
            try:
                status, cache, body = read(url, item.path)
            except OSError:
                status, cache, body = 0, "error", b""
            now = time.monotonic() - started
            shows = status == 200 and marker in body
            with lock:
                item.fetches += 1
                item.cache[cache] += 1
                if shows == present:
                    if item.fresh_after is None:
                        item.fresh_after = now
                        if all(w.fresh_after is not None for w in watches):
                            all_fresh_at.append(now)
                else:
                    item.stale += 1
                    item.fresh_after = None  # It went (or stayed) stale.
                    all_fresh_at.clear()
            stop.wait(args.interval)  # Polling interval, not a wait for an event.

    threads = [threading.Thread(target=poll, args=(w,)) for w in watches]
    for thread in threads:
        thread.start()
    deadline = started + args.timeout
    while time.monotonic() < deadline:
        with lock:
            done = (
                all_fresh_at
                and time.monotonic() - started > all_fresh_at[0] + args.settle
            )
        if done:
            break
        stop.wait(0.05)
    stop.set()
    for thread in threads:
        thread.join()
    return watches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the front's address, e.g. http://127.0.0.1:8080")
    parser.add_argument(
        "--count", type=int, default=20, help="publishes (and unpublishes)"
    )
    parser.add_argument("--user", default="editor")
    parser.add_argument("--password", default="editor-demo")
    parser.add_argument(
        "--template", default="is-claude-secure", help="a live article's slug"
    )
    parser.add_argument(
        "--timeout", type=float, default=90, help="seconds per transition"
    )
    parser.add_argument(
        "--interval", type=float, default=0.1, help="seconds between polls"
    )
    parser.add_argument("--settle", type=float, default=1.0)
    parser.add_argument("--keep", action="store_true", help="keep the probes (drafts)")
    args = parser.parse_args()
    url = args.url.rstrip("/")

    editor = Editor(url, args.user, args.password)
    copied, pages = editor.template(args.template)
    run = uuid.uuid4().hex[:6]
    say(f"freshness: {url}, {args.count} probes (run {run}), as {args.user}")
    probes = []
    for n in range(args.count):
        slug = f"freshness-{run}-{n + 1}"
        probes.append(
            (slug, editor.create_probe(slug, f"Freshness probe {run} {n + 1}", copied))
        )
    reader_pages = [*FIXED_PAGES, *pages["section"], *pages["author"], *pages["tag"]]
    say(
        f"   watching {len(reader_pages) + 1} pages: the article, {', '.join(reader_pages)}"
    )

    results: dict[str, list[list[Watch]]] = {"publish": [], "unpublish": []}
    try:
        for slug, article_id in probes:
            paths = [f"/articles/{slug}/", *reader_pages]
            for transition, present in (("publish", True), ("unpublish", False)):
                # Readers had the pages before: a cache holds the old state.
                prime(url, paths)
                editor.press(article_id, transition)
                watches = watch(url, paths, slug.encode(), present, args)
                results[transition].append(watches)
                worst = max_latency(watches)
                say(
                    f"   {slug} {transition:<9} all fresh after {fmt(worst)}, "
                    f"stale {sum(w.stale for w in watches)}"
                )
    finally:
        if not args.keep:
            deleted = sum(editor.delete(article_id) for _, article_id in probes)
            say(f"   deleted {deleted} of {len(probes)} probes")
    report(results)


def max_latency(watches: list[Watch]) -> float | None:
    times = [w.fresh_after for w in watches]
    return None if None in times else max(times)


def fmt(seconds: float | None) -> str:
    return "never (timeout)" if seconds is None else f"{seconds:.2f} s"


def report(results: dict[str, list[list[Watch]]]) -> None:
    say("\nseconds until fresh after the button answered (median / max), stale fetches")
    paths = [w.path for w in results["publish"][0]] if results["publish"] else []
    say(f"{'page':<34}{'publish':>18}{'unpublish':>18}{'stale':>7}")
    for n, path in enumerate(paths):
        cells = []
        stale = 0
        for transition in ("publish", "unpublish"):
            watches = [run[n] for run in results[transition]]
            stale += sum(w.stale for w in watches)
            cells.append(spread([w.fresh_after for w in watches]))
        label = "/articles/<probe>/" if n == 0 else path
        say(f"{label:<34}{cells[0]:>18}{cells[1]:>18}{stale:>7}")
    cache = Counter()
    for transition, runs in results.items():
        worst = [max_latency(watches) for watches in runs]
        stale = sum(w.stale for watches in runs for w in watches)
        fetches = sum(w.fetches for watches in runs for w in watches)
        for watches in runs:
            for w in watches:
                cache.update(w.cache)
        say(
            f"{transition}: everything fresh after {spread(worst)} (median / max), "
            f"{stale} stale of {fetches} fetches (target: within 2 s, 0 stale)"
        )
    say("X-Cache-Status seen: " + ", ".join(f"{k} {v}" for k, v in cache.most_common()))


def spread(times: list[float | None]) -> str:
    if not times:
        return "-"
    if None in times:
        return f"{times.count(None)} timed out"
    return f"{statistics.median(times):.2f} / {max(times):.2f}"


if __name__ == "__main__":
    main()
