"""Run the site as production does, in gunicorn, and talk to it over HTTP.

For the tests (and bench/) that need a real server process: several workers, a
database of their own, requests from threads. Readiness is found by polling
/healthz, never by sleeping.
"""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# The ports this project's servers may use on a shared machine.
PORTS = range(18300, 18400)
STAFF_PASSWORD = "a-long-test-only-password-41"


def free_port(ports: range = PORTS) -> int:
    """A port in ports that nothing listens on now."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {ports}")


def server_env(database_url: str, tmp: Path, **extra: str) -> dict[str, str]:
    """A production-like environment (debug off) on its own database and media."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_DEBUG", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        DJANGO_SECRET_KEY="server-tests-only",
        DJANGO_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run manage.py in env; its output, or an error carrying its stderr."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def seed_site(env: dict[str, str], editors: int = 2, articles: int = 6) -> None:
    """Migrate env's database and fill it with sections, articles and editors.

    Editors are named editor1, editor2 ... with STAFF_PASSWORD; articles are
    published, slugs story-1, story-2 ...
    """
    manage(env, "migrate", "--noinput", "-v0")
    script = (
        "import django; django.setup()\n"
        "from roles.permissions import Role\n"
        "from roles.services import staff_user_create\n"
        "from tests.factories import make_article, make_section\n"
        f"for n in range(1, {editors} + 1):\n"
        f"    staff_user_create(username=f'editor{{n}}', role=Role.EDITOR, password={STAFF_PASSWORD!r})\n"
        "sections = [make_section(name=name) for name in ('News', 'Guides')]\n"
        f"for n in range(1, {articles} + 1):\n"
        "    make_article(title=f'Story {n}', section=sections[n % 2],"
        " body=f'<p>First text of story {n}.</p>')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"Seeding the site failed:\n{result.stderr}")


class Server:
    """gunicorn serving the site on 127.0.0.1 with sync workers."""

    def __init__(self, env: dict[str, str], workers: int = 2, timeout: int = 30):
        self.env = env
        self.workers = workers
        self.timeout = timeout
        self.port = free_port()
        self.process = None
        self.log = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready_within: float = 60) -> "Server":
        self.log = open(
            Path(self.env["DJANGO_MEDIA_ROOT"]).parent / "gunicorn.log", "w+"
        )
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "newsroom.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "sync",
                "--timeout",
                str(self.timeout),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_ready(ready_within)
        return self

    def wait_ready(self, within: float) -> None:
        """Poll /healthz until it answers 200, the process dies or time is up."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.output()}")
            try:
                if Client(self.url, timeout=2).get("/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)  # Polling interval, not a wait for an event.
        raise RuntimeError(f"gunicorn not ready in {within} s:\n{self.output()}")

    def client(self) -> "Client":
        """A new visitor to this server."""
        return Client(self.url)

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        stop_process(self.process)
        if self.log:
            self.log.close()


def stop_process(process, sig: int = signal.SIGTERM) -> None:
    """Send sig to a process still running, then wait; kill it after 20 s."""
    if process and process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def running_server(env: dict[str, str], workers: int = 2):
    server = Server(env, workers=workers)
    try:
        yield server.start()
    finally:
        server.stop()


class Response:
    def __init__(
        self, status: int, headers: dict[str, str], body: bytes, seconds: float
    ):
        self.status = status
        self.headers = headers
        self.body = body
        self.text = body.decode("utf-8", "replace")
        self.seconds = seconds


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Client:
    """One visitor: a cookie jar over http.client, one connection per request.

    Cookies are sent whatever their Secure flag says: the tests speak plain HTTP to
    a production-like server that marks them Secure.
    """

    def __init__(self, base_url: str, timeout: float = 30):
        self.host, port = base_url.removeprefix("http://").split(":")
        self.port = int(port)
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None) -> Response:
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout
        )
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers)
            reply = connection.getresponse()
            content = reply.read()
        finally:
            connection.close()
        for name, value in reply.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        response_headers = {name.lower(): value for name, value in reply.getheaders()}
        return Response(
            reply.status, response_headers, content, time.monotonic() - started
        )

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Response:
        return self.request("POST", path, data)

    def log_in(self, username: str, password: str = STAFF_PASSWORD) -> None:
        page = self.get("/admin/login/")
        token = unescape(CSRF_INPUT.search(page.text).group(1))
        reply = self.post(
            "/admin/login/?next=/admin/",
            {
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": password,
                "next": "/admin/",
            },
        )
        if reply.status != 302:
            raise RuntimeError(f"Login as {username} failed: {reply.status}")
