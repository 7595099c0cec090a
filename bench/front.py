"""Target e of bench/launch.py: the shipped nginx front cache (deploy/) before d."""

from pathlib import Path

from bench.servers import PROJECT


def start(tmp: Path, port: int, *, upstream_port: int, env: dict[str, str]):
    """The running front cache on port, or why there is none (a string)."""
    deploy = PROJECT / "deploy"
    if not deploy.is_dir():
        return "n/a (deploy/ missing)"
    return "n/a (deploy/ has no renderer bench knows)"
