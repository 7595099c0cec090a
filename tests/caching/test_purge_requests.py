"""What the app sends a front cache: PURGE, the page's address and its Host, twice."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from caching.purge import purge_twice
from tests.server import free_port


@pytest.fixture
def front(settings):
    """A plain HTTP server that records each request; purges go to it."""
    seen = []

    class Recorder(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_PURGE(self):
            seen.append((self.command, self.path, self.headers["Host"]))
            self.send_response(404)  # As nginx answers for an entry it lacks.
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.FRONT_CACHE_PURGE_URL = f"http://127.0.0.1:{server.server_port}"
    yield seen
    server.shutdown()
    server.server_close()


def wait_for(condition, within=10):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)  # Polling interval, not a wait for an event.
    return False


def test_each_page_is_purged_by_address_and_host_then_again(front):
    pages = {
        "https news.example /?page=2&p=&q=",
        "http news.example /?page=2&p=&q=",  # The same front-cache entry.
        "https news.example:8443 /tag/café/?page=&p=&q=",
    }
    purge_twice(pages)
    first = [
        ("PURGE", "/?page=2", "news.example"),
        ("PURGE", "/tag/caf%C3%A9/", "news.example:8443"),
    ]
    assert sorted(ours(front)) == first
    assert wait_for(lambda: len(ours(front)) == 4)
    assert sorted(ours(front)) == sorted(first * 2)


def ours(seen):
    # An earlier test's second purge may arrive here too.
    return [request for request in seen if "news.example" in request[2]]
