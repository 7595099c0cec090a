"""Launch-day benchmark: one article page, five ways of serving it, side by side.

Run from the project root (it starts and stops everything itself, on ports
18600-18699, in a throwaway directory):

    .venv/bin/python bench/launch.py [--db sqlite|postgres|both] [--rounds N]
        [--duration S] [--connections C] [--postgres URL] [--redis URL]
        [--deploy DIR] [--baseline REF]

It loads the demo publication into a fresh database (a new SQLite file, or the
PostgreSQL database --postgres names, dropped and created again: nr_bench by
default) and serves the demo's "Is Claude secure?" explainer as

  a  nginx static   nginx returning a saved copy of the page's bytes (the limit)
  b  django floor   bench/floor_app.py: Django returning the same bytes, no DB, no
                    middleware (the framework floor)
  c  uncached       the site, NEWSROOM_PAGE_CACHE=0
  d  app-cached     the site, NEWSROOM_PAGE_CACHE=1 (Redis on PostgreSQL runs,
                    the local-memory cache on SQLite)
  e  front cache    the shipped nginx config from deploy/ in front of d; "n/a" when
                    the checkout has no deploy/

b, c and d run in gunicorn with the same 2 sync workers (--workers), debug off.
After one warm-up run each, wrk loads the targets in turn, a b c d e a b c d e ...,
--rounds times: the machine is noisy, so every target sees the same noise and the
ratios to nginx static (medians of each round's ratio) are the figures to read.
Before the rounds each target's page is fetched once: status, body length, whether
the bytes equal nginx's copy, and the title as a marker, so nothing wins by serving
an error; wrk's bytes per request are printed too. Output: see bench/README.md.

--baseline REF adds "c@REF": the site uncached as git REF had it (exported with
git archive, on the same database), to measure the uncached speed-up in the same
run rather than against figures from another day.
"""

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import front, servers
from bench.wrk import Run, wrk

PAGE = "/articles/is-claude-secure/"
MARKER = b"Is Claude secure?"
POSTGRES = "postgres://postgres@127.0.0.1:5432/nr_bench"
REDIS = "redis://127.0.0.1:6379/7"
# Issue #10's figures for the uncached page before the work on it (req/s, same
# machine, 32 connections): the "3x" target is measured against these.
BEFORE = {"sqlite": 110, "postgres": 80}
LABELS = {
    "a": "nginx static",
    "b": "django floor",
    "c": "uncached",
    "d": "app-cached",
    "e": "front cache",
}


@dataclass
class Target:
    key: str
    url: str
    runs: list[Run] = field(default_factory=list)
    check: str = ""

    @property
    def label(self) -> str:
        return f"{self.key} {LABELS.get(self.key, 'uncached')}"


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=float, default=10, help="seconds per run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn and nginx")
    parser.add_argument("--postgres", default=POSTGRES, help="dropped and recreated")
    parser.add_argument("--redis", default=REDIS, help="its db is flushed")
    parser.add_argument(
        "--baseline", metavar="REF", help="also bench the uncached site at git REF"
    )
    parser.add_argument(
        "--deploy",
        type=Path,
        help="the front's deploy/ folder (default: this checkout's)",
    )
    args = parser.parse_args()
    for db in ["sqlite", "postgres"] if args.db == "both" else [args.db]:
        with tempfile.TemporaryDirectory(prefix=f"launch-bench-{db}-") as tmp:
            bench(db, Path(tmp), args)


def bench(db: str, tmp: Path, args) -> None:
    say(f"== {db}: preparing the demo site in {tmp}")
    if db == "sqlite":
        database_url, extra = f"sqlite:///{tmp}/bench.sqlite3", {}
    else:
        database_url, extra = args.postgres, {"REDIS_URL": args.redis}
        recreate_postgres(args.postgres)
        flush_redis(args.redis)
    env = servers.site_env(database_url, tmp, **extra)
    servers.prepare_site(env)

    started = []
    try:
        targets, page = start_targets(env, tmp, args, started)
        check_pages(targets, page)
        runnable = [t for t in targets if t.url]
        say(f"   warming up {len(runnable)} targets")
        for target in runnable:
            wrk(target.url, connections=args.connections, seconds=2)
        for n in range(args.rounds):
            say(f"   round {n + 1}/{args.rounds}")
            for target in runnable:
                target.runs.append(
                    wrk(target.url, connections=args.connections, seconds=args.duration)
                )
    finally:
        for server in reversed(started):
            server.stop()
    report(db, targets, args)


def start_targets(env, tmp: Path, args, started: list) -> tuple[list[Target], bytes]:
    """Start c, d (the site), save c's page, then a, b (its bytes) and e."""
    ports = {key: servers.free_port() for key in LABELS}
    for key, cache in (("c", "0"), ("d", "1")):
        site = {**env, "NEWSROOM_PAGE_CACHE": cache}
        started.append(
            servers.gunicorn(
                f"site-{key}",
                "newsroom.wsgi:application",
                site,
                tmp,
                ports[key],
                args.workers,
                path="/healthz",
            )
        )
    status, _, page = servers.fetch(f"http://127.0.0.1:{ports['c']}{PAGE}")
    if status != 200 or MARKER not in page:
        raise RuntimeError(f"The site answered {status} for {PAGE}: no page to copy")
    (tmp / "page.html").write_bytes(page)
    started.append(servers.nginx_static(tmp, ports["a"], PAGE, page, args.workers))
    floor_env = {**env, "BENCH_FLOOR_PAGE": str(tmp / "page.html")}
    floor_env.pop("DJANGO_SETTINGS_MODULE")
    started.append(
        servers.gunicorn(
            "floor",
            "bench.floor_app:application",
            floor_env,
            tmp,
            ports["b"],
            args.workers,
        )
    )
    front_server = front.start(
        tmp, ports["e"], upstream_port=ports["d"], env=env, deploy=args.deploy
    )
    targets = [Target(key, f"http://127.0.0.1:{ports[key]}{PAGE}") for key in "abcd"]
    if args.baseline:
        targets.insert(3, start_baseline(env, tmp, args, started))
    if isinstance(front_server, str):
        targets.append(Target("e", "", check=front_server))
    else:
        started.append(front_server)
        targets.append(Target("e", front_server.url + PAGE))
    return targets, page


def start_baseline(env, tmp: Path, args, started: list) -> Target:
    """The uncached site as git ref args.baseline had it, on the same database."""
    tree = servers.export_tree(args.baseline, tmp / "baseline")
    old = {
        **env,
        "NEWSROOM_PAGE_CACHE": "0",
        "PYTHONPATH": str(tree),
        "DJANGO_STATIC_ROOT": str(tmp / "baseline-static"),
    }
    servers.manage(old, "collectstatic", "--noinput", "-v0", cwd=tree)
    port = servers.free_port()
    started.append(
        servers.gunicorn(
            "site-baseline",
            "newsroom.wsgi:application",
            old,
            tmp,
            port,
            args.workers,
            path="/healthz",
            cwd=tree,
        )
    )
    return Target(f"c@{args.baseline}", f"http://127.0.0.1:{port}{PAGE}")


def check_pages(targets: list[Target], reference: bytes) -> None:
    """Fetch each page once: status, length, same bytes as nginx's copy, marker."""
    for target in targets:
        if not target.url:
            continue
        status, headers, body = servers.fetch(target.url)
        same = "same bytes" if body == reference else "DIFFERENT bytes"
        marker = "title ok" if MARKER in body else "NO TITLE"
        extra = headers.get("x-cache-status", "")
        target.check = f"{status}, {len(body)} B, {same}, {marker}" + (
            f", X-Cache-Status {extra}" if extra else ""
        )
        say(f"   {target.label}: {target.check}")


def ratio(values: list[float]) -> str:
    if not values:
        return "-"
    value = statistics.median(values)
    return f"{value:.0f}x" if value >= 10 else f"{value:.{2 if value >= 0.1 else 4}f}x"


def report(db: str, targets: list[Target], args) -> None:
    nginx = targets[0].runs
    say(
        f"\n{db}: {PAGE}, {args.rounds} rounds x {args.duration:g} s, "
        f"{args.connections} connections, {args.workers} workers"
    )
    header = (
        f"{'target':<20}{'req/s':>9}{'x nginx':>9}{'p50 ms':>9}{'x nginx':>9}"
        f"{'p99 ms':>9}{'x nginx':>9}{'non-2xx':>9}{'socket':>8}{'B/req':>8}"
    )
    say(header)
    say("-" * len(header))
    for target in targets:
        runs = target.runs
        if not runs:
            say(f"{target.label:<20}{target.check}")
            continue
        rps = statistics.median(r.rps for r in runs)
        p50 = statistics.median(r.p50_ms for r in runs)
        p99 = statistics.median(r.p99_ms for r in runs)
        say(
            f"{target.label:<20}{rps:>9.0f}"
            f"{paired(runs, nginx):>9}"
            f"{p50:>9.2f}{paired(runs, nginx, 'p50_ms'):>9}"
            f"{p99:>9.2f}{paired(runs, nginx, 'p99_ms'):>9}"
            f"{sum(r.status_errors for r in runs):>9}"
            f"{sum(r.socket_errors for r in runs):>8}"
            f"{statistics.median(r.bytes_per_request for r in runs):>8.0f}"
        )
    by_key = {t.key: t.runs for t in targets}
    say("")
    say(
        "app-cached / floor (req/s): "
        f"{paired(by_key['d'], by_key['b'])}  (target >= 0.9x)"
    )
    say(
        "front cache / nginx static (req/s): "
        f"{paired(by_key['e'], by_key['a'])}  (target >= 0.5x)"
    )
    if by_key["c"]:
        uncached = statistics.median(r.rps for r in by_key["c"])
        say(
            f"uncached: {uncached:.0f} req/s = {uncached / BEFORE[db]:.1f}x the "
            f"{BEFORE[db]} req/s issue #10 measured before the work (target >= 3x)"
        )
    if args.baseline:
        say(
            f"uncached / uncached at {args.baseline} (req/s, same run): "
            f"{paired(by_key['c'], by_key[f'c@{args.baseline}'])}  (target >= 3x)"
        )


def paired(runs: list[Run], reference: list[Run], figure: str = "rps") -> str:
    """The median over rounds of runs' figure / reference's in the same round."""
    if not runs or not reference:
        return "n/a"
    pairs = zip(runs, reference, strict=True)
    return ratio([getattr(r, figure) / getattr(n, figure) for r, n in pairs])


def recreate_postgres(url: str) -> None:
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


if __name__ == "__main__":
    main()
