"""Concurrent misses for one page cost the app one request (proxy_cache_lock)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.deploy.front import wait_until

pytestmark = pytest.mark.urls("tests.deploy.urls_front_cache")
READERS = 8


def test_concurrent_misses_make_one_upstream_request(front, page_name, app_state):
    gate = app_state.GATES[page_name] = threading.Event()
    path = f"/cached/{page_name}/"

    def read():
        return front.nginx.get(path)

    with ThreadPoolExecutor(READERS) as pool:
        futures = [pool.submit(read) for _ in range(READERS)]
        # The page is held in the app until every reader's request is in flight.
        wait_until(lambda: app_state.CALLS[page_name] >= 1, "the first request")
        wait_until(lambda: _connected(front, READERS), "every reader connected")
        gate.set()
        replies = [future.result() for future in futures]
    upstream_requests = [
        line
        for line in front.nginx.access_log()
        if f"GET {path} " in line and "upstream=-" not in line
    ]

    assert app_state.CALLS[page_name] == 1
    assert len(upstream_requests) == 1
    assert sorted(reply.cache for reply in replies) == ["HIT"] * (READERS - 1) + [
        "MISS"
    ]
    assert {reply.body for reply in replies} == {replies[0].body}


def _connected(front, count):
    """Whether count client connections to nginx are open (Linux's /proc)."""
    port = f"{front.nginx.port:04X}"
    with open("/proc/net/tcp") as table:
        rows = [line.split() for line in table.readlines()[1:]]
    # Established (01) connections whose remote end is nginx's port: the readers.
    return sum(row[2].endswith(f":{port}") and row[3] == "01" for row in rows) >= count
