"""The processes bench/launch.py and bench/freshness.py start, on ports 18600-18699.

Each server is a subprocess whose readiness is found by polling its URL; stop()
ends exactly that process (by its id), never others of the same name: the machine
is shared. Nothing here is part of the test suite.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.server import stop_process

PROJECT = Path(__file__).resolve().parent.parent
BENCH = PROJECT / "bench"
BIN = Path(sys.executable).parent
PORTS = range(18600, 18700)
SECRET_KEY = "bench-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
# Variables of the caller's shell that would change what the site under test is.
SITE_VARIABLES = {
    "DATABASE_URL",
    "DJANGO_DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "REDIS_URL",
    "DJANGO_STATIC_ROOT",
    "DJANGO_MEDIA_ROOT",
}
_taken: set[int] = set()


def free_port() -> int:
    """A port in PORTS that nothing listens on and this run hasn't handed out."""
    for port in PORTS:
        if port in _taken:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        _taken.add(port)
        return port
    raise RuntimeError(f"No free port in {PORTS}")


def site_env(database_url: str, tmp: Path, **extra: str) -> dict[str, str]:
    """Production settings (debug off) on the bench's own database, media and static."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SITE_VARIABLES and not key.startswith("NEWSROOM_")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        DJANGO_STATIC_ROOT=str(tmp / "staticfiles"),
        PYTHONPATH=str(PROJECT),
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, cwd: Path = PROJECT) -> str:
    """Run cwd's manage.py in env; its output, or an error carrying its stderr."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def prepare_site(env: dict[str, str], cwd: Path = PROJECT) -> None:
    """Migrate, load the demo publication (as bin/demo does) and collect static."""
    manage(env, "migrate", "--noinput", "-v0", cwd=cwd)
    # demo_content refuses to run with debug off: it creates admin / admin.
    manage({**env, "DJANGO_DEBUG": "1"}, "demo_content", cwd=cwd)
    manage(env, "collectstatic", "--noinput", "-v0", cwd=cwd)


def fetch(url: str, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """GET url as an anonymous reader: status, headers (lower-case), body."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            headers = {k.lower(): v for k, v in reply.getheaders()}
            return reply.status, headers, reply.read()
    except urllib.error.HTTPError as error:
        headers = {k.lower(): v for k, v in error.headers.items()}
        return error.code, headers, error.read()


def export_tree(ref: str, into: Path) -> Path:
    """The project's files at git ref, in a folder (git archive: no checkout moves)."""
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(PROJECT), "archive", "--format=tar", ref],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


class Process:
    """One server process; ready once `probe_url` answers at all."""

    def __init__(self, name: str, argv: list[str], log: Path, env=None, cwd=PROJECT):
        self.name, self.argv, self.log_path = name, argv, log
        self.env, self.cwd = env, cwd
        self.process = None

    def start(self, probe_url: str, within: float = 60) -> "Process":
        self.log = open(self.log_path, "w+")
        self.process = subprocess.Popen(
            self.argv,
            cwd=self.cwd,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.output()}")
            try:
                fetch(probe_url, timeout=2)
                return self
            except OSError:
                time.sleep(0.1)  # Polling interval, not a wait for an event.
        self.stop()
        raise RuntimeError(f"{self.name} not ready in {within} s:\n{self.output()}")

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self, sig: int = signal.SIGTERM) -> None:
        stop_process(self.process, sig)
        if getattr(self, "log", None):
            self.log.close()


def gunicorn(
    name, app, env, tmp: Path, port: int, workers: int, path="/", cwd=PROJECT
) -> Process:
    """gunicorn with `workers` sync workers serving app on 127.0.0.1:port."""
    argv = [
        str(BIN / "gunicorn"),
        app,
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        "--timeout=60",
    ]
    process = Process(name, argv, tmp / f"{name}.log", env=env, cwd=cwd)
    return process.start(f"http://127.0.0.1:{port}{path}")


class Nginx(Process):
    """nginx -p <dir> -c <conf> in the foreground, so stop() ends its master."""

    def __init__(self, name: str, prefix: Path, conf: Path):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        argv = [
            nginx,
            "-p",
            str(prefix),
            "-c",
            str(conf),
            "-e",
            str(prefix / "error.log"),
        ]
        argv += ["-g", "daemon off;"]
        super().__init__(name, argv, prefix / f"{name}.log")

    def stop(self, sig: int = signal.SIGQUIT) -> None:
        super().stop(sig)  # SIGQUIT: graceful, nginx's workers exit too.


STATIC_CONF = """\
worker_processes {workers};
pid {prefix}/nginx.pid;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        default_type "text/html; charset=utf-8";
        location / {{ index index.html; }}
    }}
}}
"""


def nginx_static(tmp: Path, port: int, page_path: str, page: bytes, workers: int):
    """nginx serving `page` at page_path from a plain file: the physical limit."""
    prefix = tmp / "nginx-static"
    root = prefix / "root"
    target = root / page_path.strip("/") / "index.html"
    target.parent.mkdir(parents=True)
    (prefix / "tmp").mkdir()
    target.write_bytes(page)
    # nginx's workers run as nobody when started as root: let them read the page.
    for path in [tmp, *target.parents]:
        if path == tmp.parent:
            break
        path.chmod(0o755)
    target.chmod(0o644)
    conf = prefix / "nginx.conf"
    conf.write_text(
        STATIC_CONF.format(workers=workers, prefix=prefix, root=root, port=port)
    )
    server = Nginx("nginx-static", prefix, conf)
    return server.start(f"http://127.0.0.1:{port}{page_path}")
