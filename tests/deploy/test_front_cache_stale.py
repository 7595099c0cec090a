"""Readers get the last good page while the app is down or erroring.

The "short-" test pages may be kept 1 s: the tests poll until the front server
says the entry is STALE (expired, served anyway), never sleeping for the expiry.
"""

import threading

import pytest

from tests.deploy.front import wait_until

pytestmark = pytest.mark.urls("tests.deploy.urls_front_cache")


def _stale(front, path):
    def reply_if_stale():
        reply = front.nginx.get(path)
        return reply if reply.cache == "STALE" else None

    return wait_until(reply_if_stale, f"{path} to be served stale")


@pytest.fixture
def app_link(front):
    """The connection to the app; a test may cut it, and it is restored after."""
    yield front.app
    if front.app.listener is None:
        front.app.start()


def test_expired_page_is_served_while_the_app_is_down(
    front, page_name, app_state, app_link
):
    path = f"/cached/short-{page_name}/"
    first = front.nginx.get(path)
    app_link.stop()

    reply = _stale(front, path)

    assert (reply.status, reply.body) == (200, first.body)


def test_page_never_cached_is_an_error_while_the_app_is_down(
    front, page_name, app_link
):
    app_link.stop()

    assert front.nginx.get(f"/cached/{page_name}/").status == 502


def test_expired_page_is_served_while_the_app_answers_500(front, page_name, app_state):
    path = f"/cached/short-{page_name}/"
    first = front.nginx.get(path)
    app_state.FAILING.add(f"short-{page_name}")

    _stale(front, path)  # The first stale answer starts the update that fails.
    reply = _stale(front, path)

    assert (reply.status, reply.body) == (200, first.body)
    assert app_state.CALLS[f"short-{page_name}"] >= 2


def test_expired_page_is_refreshed_once_the_app_recovers(front, page_name, app_state):
    path = f"/cached/short-{page_name}/"
    front.nginx.get(path)
    app_state.FAILING.add(f"short-{page_name}")
    _stale(front, path)
    app_state.FAILING.clear()

    reply = wait_until(
        lambda: (
            (r := front.nginx.get(path)).status == 200 and "call 1 " not in r.text and r
        ),
        "a fresh page",
    )

    assert reply.text.startswith(f"short-{page_name} call ")


def test_expired_page_is_served_at_once_while_it_is_refreshed(
    front, page_name, app_state
):
    name = f"short-{page_name}"
    first = front.nginx.get(f"/cached/{name}/")
    # From now on the app takes until the test says: a reader must not wait.
    gate = app_state.GATES[name] = threading.Event()

    reply = _stale(front, f"/cached/{name}/")

    assert reply.body == first.body
    wait_until(lambda: app_state.CALLS[name] == 2, "the refresh to reach the app")
    gate.set()
    wait_until(
        lambda: "call 2 " in front.nginx.get(f"/cached/{name}/").text,
        "the refreshed page",
    )


def test_expired_page_is_revalidated_with_its_etag(front, page_name, app_state):
    path = f"/with-etag/{page_name}/"
    first = front.nginx.get(path)

    _stale(front, path)  # Starts the refresh, a conditional request.
    wait_until(lambda: app_state.CALLS[f"{page_name}-304"] == 1, "a 304 from the app")
    reply = front.nginx.get(path)

    # Without revalidation nginx would have asked for the whole page again.
    assert (reply.status, reply.body) == (200, first.body)
