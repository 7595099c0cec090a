"""The shipped nginx front server, rendered by deploy/render.py and run for real.

Without nginx the tests that use it skip, unless NEWSROOM_REQUIRE_NGINX=1 (as in
CI), where they fail. nginx runs in the foreground as a child of the tests and is
stopped by its PID; readiness is found by polling, never by sleeping.
"""

import getpass
import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import server

ROOT = Path(__file__).resolve().parents[2]
RENDER = ROOT / "deploy" / "render.py"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
# The ports this part's servers may use on a shared machine.
PORTS = range(18400, 18450)
WAIT_SECONDS = 30


def require_nginx() -> None:
    """Skip (or fail, under NEWSROOM_REQUIRE_NGINX=1) when nginx can't run here."""
    missing = [str(p) for p in (Path(NGINX), PURGE_MODULE) if not p.exists()]
    if missing:
        reason = (
            f"nginx is not installed ({', '.join(missing)} missing): "
            "apt-get install nginx libnginx-mod-http-cache-purge"
        )
        if os.environ.get("NEWSROOM_REQUIRE_NGINX") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


def free_port() -> int:
    """A port in PORTS that nothing listens on now."""
    return server.free_port(PORTS)


def wait_until(condition, what: str, within: float = WAIT_SECONDS):
    """Poll condition() until it returns something truthy; return that."""
    deadline = time.monotonic() + within
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out waiting for {what}")
        time.sleep(0.05)  # Polling interval, not a wait for an event.


def render(prefix: Path, **options) -> Path:
    """Run deploy/render.py as the stack does; the nginx.conf it wrote."""
    args = [sys.executable, str(RENDER), str(prefix)]
    for name, value in options.items():
        values = value if isinstance(value, list | tuple) else [value]
        for one in values:
            args += [f"--{name.replace('_', '-')}", str(one)]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"render.py failed:\n{result.stderr}")
    return Path(result.stdout.strip())


def nginx_test(conf: Path) -> subprocess.CompletedProcess:
    """nginx -t on conf, with its own prefix."""
    return subprocess.run(
        [NGINX, "-t", "-p", str(conf.parent), "-c", str(conf)],
        capture_output=True,
        text=True,
    )


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def cache(self) -> str:
        return self.headers.get("x-cache-status", "")

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Nginx:
    """nginx in the foreground with the shipped configuration, on a free port."""

    def __init__(self, base: Path, upstream: str, media_root: Path, static_root: Path):
        self.prefix = base / "nginx"
        self.port = free_port()
        self.conf = render(
            self.prefix,
            listen=f"127.0.0.1:{self.port}",
            upstream=upstream,
            static_root=static_root,
            media_root=media_root,
            cache_dir=base / "cache",
            # Workers as the user running the tests: pytest's folders are 0700.
            **({"user": getpass.getuser()} if os.geteuid() == 0 else {}),
        )
        self.process = None

    def start(self) -> "Nginx":
        checked = nginx_test(self.conf)
        if checked.returncode:
            raise RuntimeError(f"nginx -t failed:\n{checked.stderr}")
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.prefix), "-c", str(self.conf), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wait_until(self._answers, "nginx to answer")
        return self

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"nginx exited:\n{self.process.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def access_log(self) -> list[str]:
        return (self.prefix / "logs" / "access.log").read_text().splitlines()

    def request(
        self,
        method: str,
        path: str,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
        source: str | None = None,
    ) -> Reply:
        """One request on a new connection, from source (an address) when given."""
        connection = http.client.HTTPConnection(
            "127.0.0.1",
            self.port,
            timeout=WAIT_SECONDS,
            source_address=(source, 0) if source else None,
        )
        try:
            connection.request(
                method,
                path,
                body=body,
                headers={"Host": f"127.0.0.1:{self.port}", **(headers or {})},
            )
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        return Reply(
            response.status,
            {name.lower(): value for name, value in response.getheaders()},
            content,
        )

    def get(self, path: str, **headers: str) -> Reply:
        return self.request("GET", path, headers=headers)

    def purge(self, path: str, source: str | None = None) -> Reply:
        return self.request("PURGE", path, source=source)
