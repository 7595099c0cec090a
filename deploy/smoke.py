#!/usr/bin/env python3
"""Check a running stack over HTTP, as CI does after `deploy/stack up`.

A reader page through the front cache (MISS, then HIT, PURGE, MISS again), a
hashed static file (immutable) and an uploaded image, all through nginx. Reads
NEWSROOM_PORT, DJANGO_STATIC_ROOT and DJANGO_MEDIA_ROOT like deploy/stack; exits
non-zero on the first failed check. Standard library only.
"""

import http.client
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORT = int(os.environ.get("NEWSROOM_PORT", "8080"))
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", ROOT / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", ROOT / "media"))
PAGE = os.environ.get("NEWSROOM_SMOKE_PAGE", "/")


def request(method: str, path: str) -> tuple[int, dict[str, str], float]:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    started = time.perf_counter()
    try:
        connection.request(method, path, headers={"Host": f"127.0.0.1:{PORT}"})
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    seconds = time.perf_counter() - started
    return response.status, {k.lower(): v for k, v in response.getheaders()}, seconds


def check(ok: bool, message: str) -> None:
    sys.stdout.write(f"{'ok  ' if ok else 'FAIL'} {message}\n")
    sys.stdout.flush()
    if not ok:
        sys.exit(1)


def front_cache() -> None:
    request("PURGE", PAGE)  # Start from an empty entry whatever ran before.
    status, headers, miss = request("GET", PAGE)
    check(status == 200, f"GET {PAGE}: {status}")
    check(headers.get("x-cache-status") == "MISS", f"first GET {PAGE}: MISS")
    cache_control = headers.get("cache-control", "")
    if "s-maxage" not in cache_control or "public" not in cache_control:
        # The app's side of caching (issue #10, caching/) sends these headers.
        message = f"{PAGE} is not shared-cacheable (Cache-Control: {cache_control!r})"
        if os.environ.get("NEWSROOM_SMOKE_REQUIRE_HIT") == "1":
            check(False, message)
        sys.stdout.write(f"note {message}: no HIT to check\n")
        status, _, _ = request("PURGE", PAGE)
        check(status == 404, f"PURGE of an uncached page answers 404 ({status})")
        return
    status, headers, hit = request("GET", PAGE)
    check(headers.get("x-cache-status") == "HIT", f"second GET {PAGE}: HIT")
    sys.stdout.write(f"     MISS {miss * 1000:.1f} ms, HIT {hit * 1000:.1f} ms\n")
    status, _, _ = request("PURGE", PAGE)
    check(status == 200, f"PURGE {PAGE}: {status}")
    _, headers, _ = request("GET", PAGE)
    check(headers.get("x-cache-status") == "MISS", f"GET {PAGE} after PURGE: MISS")


def static_file() -> None:
    manifest = json.loads((STATIC_ROOT / "staticfiles.json").read_text())
    path = f"/static/{manifest['paths']['css/site.css']}"
    status, headers, _ = request("GET", path)
    check(status == 200, f"GET {path}: {status}")
    check("immutable" in headers.get("cache-control", ""), f"{path} is immutable")


def media_file() -> None:
    image = next(
        (p for p in sorted(MEDIA_ROOT.rglob("*")) if p.suffix in {".jpg", ".webp"}),
        None,
    )
    check(image is not None, f"an image under {MEDIA_ROOT}")
    path = f"/media/{image.relative_to(MEDIA_ROOT).as_posix()}"
    status, headers, _ = request("GET", path)
    check(status == 200, f"GET {path}: {status}")
    check(headers.get("content-type", "").startswith("image/"), f"{path} is an image")
    check(headers.get("x-content-type-options") == "nosniff", f"{path} nosniff")


if __name__ == "__main__":
    status, _, _ = request("GET", "/healthz")
    check(status == 200, f"GET /healthz through nginx on port {PORT}: {status}")
    front_cache()
    static_file()
    media_file()
