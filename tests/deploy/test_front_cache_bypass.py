"""Editors and credentials never meet the front cache: not served from it, not stored.

The test pages say "public, s-maxage=60" to everyone, so only the front server's
rules keep these requests out of the cache.
"""

import pytest

pytestmark = pytest.mark.urls("tests.deploy.urls_front_cache")

CREDENTIALS = {
    "session cookie": {"Cookie": "csrftoken=x; sessionid=editor-session"},
    "authorization": {"Authorization": "Basic ZWRpdG9yOnB3"},
}


@pytest.mark.parametrize("credentials", CREDENTIALS.values(), ids=CREDENTIALS)
def test_request_with_credentials_is_not_served_from_cache(
    front, page_name, app_state, credentials
):
    front.nginx.get(f"/cached/{page_name}/")

    reply = front.nginx.request("GET", f"/cached/{page_name}/", headers=credentials)

    assert reply.cache == "BYPASS"
    assert app_state.CALLS[page_name] == 2


@pytest.mark.parametrize("credentials", CREDENTIALS.values(), ids=CREDENTIALS)
def test_page_made_for_credentials_is_not_stored(
    front, page_name, app_state, credentials
):
    front.nginx.request("GET", f"/cached/{page_name}/", headers=credentials)

    reply = front.nginx.get(f"/cached/{page_name}/")

    assert reply.cache == "MISS"
    assert reply.text.endswith("for anonymous by GET")


def test_other_cookies_do_not_bypass_the_cache(front, page_name, app_state):
    front.nginx.get(f"/cached/{page_name}/")

    reply = front.nginx.get(f"/cached/{page_name}/", Cookie="csrftoken=abc")

    assert reply.cache == "HIT"


@pytest.mark.parametrize("prefix", ["/admin/test-cached/", "/preview/test-cached/"])
def test_admin_and_previews_are_never_cached(front, page_name, app_state, prefix):
    front.nginx.get(f"{prefix}{page_name}/")

    reply = front.nginx.get(f"{prefix}{page_name}/")

    assert reply.cache == "BYPASS"
    assert app_state.CALLS[page_name] == 2


def test_post_goes_to_the_app_and_is_not_stored(front, page_name, app_state):
    posted = front.nginx.request("POST", f"/cached/{page_name}/", body=b"x=1")

    reply = front.nginx.get(f"/cached/{page_name}/")

    # nginx never looks a POST up (proxy_cache_methods): no status at all.
    assert (posted.status, posted.cache) == (200, "")
    assert reply.cache == "MISS"
    assert reply.text.endswith("by GET")


def test_post_is_not_answered_from_a_cached_get(front, page_name, app_state):
    front.nginx.get(f"/cached/{page_name}/")

    posted = front.nginx.request("POST", f"/cached/{page_name}/", body=b"x=1")

    assert posted.text.endswith("by POST")
