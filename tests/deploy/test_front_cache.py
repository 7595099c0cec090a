"""The front cache keeps what the app says a shared cache may keep, and nothing else."""

import pytest

pytestmark = pytest.mark.urls("tests.deploy.urls_front_cache")


def test_cacheable_page_is_a_miss_then_a_hit(front, page_name, app_state):
    first = front.nginx.get(f"/cached/{page_name}/")
    second = front.nginx.get(f"/cached/{page_name}/")

    assert (first.status, first.cache) == (200, "MISS")
    assert (second.status, second.cache) == (200, "HIT")
    assert second.body == first.body
    assert app_state.CALLS[page_name] == 1


def test_tracking_arguments_share_the_entry(front, page_name, app_state):
    front.nginx.get(f"/cached/{page_name}/")

    reply = front.nginx.get(f"/cached/{page_name}/?utm_source=newsletter&fbclid=x")

    assert reply.cache == "HIT"


@pytest.mark.parametrize(
    ("prefix", "argument"),
    [("cached", "page"), ("sitemap-cached", "p"), ("search/cached", "q")],
)
def test_arguments_that_pick_a_page_have_entries_of_their_own(
    front, page_name, app_state, prefix, argument
):
    front.nginx.get(f"/{prefix}/{page_name}/")

    reply = front.nginx.get(f"/{prefix}/{page_name}/?{argument}=2")

    assert reply.cache == "MISS"


@pytest.mark.parametrize("argument", ["p", "q"])
def test_p_and_q_elsewhere_share_the_entry(front, page_name, app_state, argument):
    front.nginx.get(f"/cached/{page_name}/")

    reply = front.nginx.get(f"/cached/{page_name}/?{argument}=2")

    assert reply.cache == "HIT"


def test_entries_are_kept_under_the_host_the_app_sees(front, page_name, app_state):
    # An absolute-form request names one host in its request line and another in
    # Host: the entry must be filed under the one the app saw, which it purges.
    front.nginx.request("GET", f"http://elsewhere.example/cached/{page_name}/")

    assert front.nginx.purge(f"/cached/{page_name}/").status == 200
    assert front.nginx.get(f"/cached/{page_name}/").cache == "MISS"


def test_response_setting_a_cookie_is_never_stored(front, page_name, app_state):
    front.nginx.get(f"/with-cookie/{page_name}/")

    reply = front.nginx.get(f"/with-cookie/{page_name}/")

    assert reply.cache == "MISS"
    assert app_state.CALLS[page_name] == 2


def test_private_response_is_never_stored(front, page_name, app_state):
    front.nginx.get(f"/private/{page_name}/")

    reply = front.nginx.get(f"/private/{page_name}/")

    assert reply.cache == "MISS"
    assert app_state.CALLS[page_name] == 2


def test_health_probe_is_never_cached(front):
    front.nginx.get("/healthz")

    reply = front.nginx.get("/healthz")

    assert (reply.status, reply.text, reply.cache) == (200, "ok", "MISS")
