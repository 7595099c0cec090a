"""Run wrk (Debian's) against one URL and read its summary."""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPORT_SCRIPT = Path(__file__).resolve().parent / "wrk_report.lua"


@dataclass
class Run:
    """One wrk run: throughput, latency percentiles and every kind of error."""

    requests: int
    seconds: float
    bytes: int
    socket_errors: int  # connect, read, write and timeouts
    status_errors: int  # responses with a status of 400 or more

    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def bytes_per_request(self) -> float:
        return self.bytes / self.requests if self.requests else 0.0


def wrk(url: str, *, connections: int, seconds: float, threads: int = 2) -> Run:
    """Load url with wrk for `seconds` at `connections` connections."""
    binary = shutil.which("wrk")
    if not binary:
        raise RuntimeError("wrk is missing: apt-get install wrk")
    argv = [
        binary,
        f"--threads={min(threads, connections)}",
        f"--connections={connections}",
        f"--duration={max(1, round(seconds))}s",
        "--timeout=10s",
        f"--script={REPORT_SCRIPT}",
        # Some servers answer differently without it; wrk sends none by default.
        "--header=Accept-Encoding: identity",
        url,
    ]
    result = subprocess.run(argv, capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("BENCH ")]
    if result.returncode or not lines:
        raise RuntimeError(f"wrk failed on {url}:\n{result.stdout}{result.stderr}")
    data = json.loads(lines[-1].removeprefix("BENCH "))
    return Run(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        bytes=data["bytes"],
        socket_errors=data["connect"] + data["read"] + data["write"] + data["timeout"],
        status_errors=data["status"],
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
    )
