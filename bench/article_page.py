"""The uncached article page, side by side: this checkout against a baseline.

Run from the project root. For each checkout (this one, "head", and --baseline,
/work/main by default) it prepares its own demo database (`migrate` +
`demo_content`, as bin/demo does) and static files, starts gunicorn (2 sync
workers, debug off, NEWSROOM_PAGE_CACHE=0) on a port in 18100-18149, then runs
wrk (32 connections) on the demo's "Is Claude secure?" article, alternating the
two checkouts --rounds times, and prints requests/s per run, the median and the
head/baseline ratio. Both servers stop afterwards; the throwaway databases go.

    .venv/bin/python bench/article_page.py --backend sqlite
    .venv/bin/python bench/article_page.py --backend postgresql \\
        --postgres postgres://postgres@127.0.0.1:5432/nr_speed \\
        --redis redis://127.0.0.1:6379/2
    .venv/bin/python bench/article_page.py --profile      # in-process cProfile, head
    .venv/bin/python bench/article_page.py --queries      # SQL of one request, both

PostgreSQL databases are made beside --postgres's (its name + _head / _baseline)
and dropped at the end; both checkouts share the Redis database (the same demo
site settings). It is a measurement, not a test: pytest doesn't collect bench/.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import servers

HEAD = Path(__file__).resolve().parent.parent
PATH = "/articles/is-claude-secure/"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def environment(checkout: Path, database_url: str, tmp: Path, redis: str | None):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_DEBUG", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY="bench-only-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SSL_REDIRECT="0",
        NEWSROOM_PAGE_CACHE="0",
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        PYTHONPATH=str(checkout),
    )
    if redis:
        env["REDIS_URL"] = redis
    return env


def prepare(checkout: Path, env: dict) -> None:
    """Migrate, load the demo and collect static in checkout (bench/servers.py)."""
    servers.prepare_site(env, cwd=checkout)


@contextmanager
def gunicorn(checkout: Path, env: dict):
    port = servers.free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "newsroom.wsgi",
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=checkout,
        env=env,
    )
    url = f"http://127.0.0.1:{port}{PATH}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(url, timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                time.sleep(0.1)  # the server is still starting: poll again
        else:
            raise RuntimeError(f"gunicorn for {checkout} did not answer {url}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def wrk(url: str, seconds: int) -> float:
    result = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
    )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def postgres(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


def database(stack: ExitStack, args, name: str, tmp: Path) -> str:
    if args.backend == "sqlite":
        return f"sqlite:///{tmp}/{name}.sqlite3"
    database_name = f"{args.postgres.rsplit('/', 1)[1]}_{name}"
    server = args.postgres.rsplit("/", 1)[0]
    admin = f"{server}/postgres"
    postgres(admin, f"DROP DATABASE IF EXISTS {database_name} WITH (FORCE)")
    postgres(admin, f"CREATE DATABASE {database_name}")
    stack.callback(
        postgres, admin, f"DROP DATABASE IF EXISTS {database_name} WITH (FORCE)"
    )
    return f"{server}/{database_name}"


IN_PROCESS = """
import cProfile, pstats, sys, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
client.get(PATH)
if MODE == "queries":
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PATH).status_code == 200
    print(len(queries), "queries")
    for query in queries:
        print(" ", query["sql"][:160])
else:
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(200):
        client.get(PATH)
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
"""


def in_process(checkout: Path, env: dict, mode: str) -> None:
    code = f"PATH = {PATH!r}\nMODE = {mode!r}\n" + IN_PROCESS
    env = {**env, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    subprocess.run([sys.executable, "-c", code], cwd=checkout, env=env, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--baseline", type=Path, default=Path("/work/main"))
    parser.add_argument(
        "--postgres", default="postgres://postgres@127.0.0.1:5432/nr_speed"
    )
    parser.add_argument("--redis", help="e.g. redis://127.0.0.1:6379/2 (PostgreSQL)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--queries", action="store_true")
    args = parser.parse_args()
    checkouts = {"baseline": args.baseline.resolve(), "head": HEAD}
    if args.profile:
        checkouts = {"head": HEAD}
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-")))
        envs = {}
        for name, checkout in checkouts.items():
            (tmp / name).mkdir()
            url = database(stack, args, name, tmp / name)
            envs[name] = environment(checkout, url, tmp / name, args.redis)
            prepare(checkout, envs[name])
        if args.profile or args.queries:
            for name, checkout in checkouts.items():
                say(f"== {name} ({checkout})")
                in_process(checkout, envs[name], "queries" if args.queries else "cpu")
            return
        urls = {
            name: stack.enter_context(gunicorn(checkout, envs[name]))
            for name, checkout in checkouts.items()
        }
        rates: dict[str, list[float]] = {name: [] for name in checkouts}
        for round_ in range(1, args.rounds + 1):
            for name, url in urls.items():
                rates[name].append(wrk(url, args.seconds))
                say(f"round {round_} {name:8} {rates[name][-1]:8.1f} req/s")
        base, head = (statistics.median(rates[n]) for n in ("baseline", "head"))
        say(f"\n{args.backend}: median req/s, {args.rounds} interleaved runs")
        say(f"  baseline {base:8.1f}   ({checkouts['baseline']})")
        say(f"  head     {head:8.1f}   ({HEAD})")
        say(f"  ratio    {head / base:8.2f}x")


if __name__ == "__main__":
    main()
