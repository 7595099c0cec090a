"""Target e of bench/launch.py: the shipped nginx front cache (deploy/) before d.

The configuration is rendered by deploy/render.py, as the stack does, but into the
bench's own folder, on its own port, in front of the bench's app-cached gunicorn:

    python deploy/render.py OUT --listen 127.0.0.1:PORT --upstream 127.0.0.1:UP \\
        --static-root ... --media-root ... --cache-dir OUT/cache
    nginx -p OUT -c OUT/nginx.conf
"""

import subprocess
import sys
from pathlib import Path

from bench.servers import PROJECT, Nginx


def start(
    tmp: Path, port: int, *, upstream_port: int, env: dict[str, str], deploy=None
):
    """The running front cache on port, or why there is none (a string)."""
    deploy = Path(deploy or PROJECT / "deploy")
    if not deploy.is_dir():
        return "n/a (deploy/ missing)"
    renderer = deploy / "render.py"
    if not renderer.is_file():
        return f"n/a ({renderer} missing)"
    out = tmp / "front"
    argv = [
        sys.executable,
        str(renderer),
        str(out),
        "--server-name=127.0.0.1 localhost",
        f"--listen=127.0.0.1:{port}",
        f"--upstream=127.0.0.1:{upstream_port}",
        f"--static-root={env['DJANGO_STATIC_ROOT']}",
        f"--media-root={env['DJANGO_MEDIA_ROOT']}",
        f"--cache-dir={out / 'cache'}",
    ]
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode:
        return f"n/a (deploy/render.py failed: {result.stderr.strip()[:300]})"
    server = Nginx("front", out, Path(result.stdout.strip() or out / "nginx.conf"))
    server.url = f"http://127.0.0.1:{port}"
    try:
        return server.start(f"{server.url}/healthz")
    except RuntimeError as error:
        return f"n/a (the front did not start: {str(error)[:300]})"
