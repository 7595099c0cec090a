"""A hit says how long the stored page has left, not the life it was stored with.

A front cache refetching the page near the end of the app copy's life would
otherwise keep it for a full lifetime again: past the next scheduled article,
and twice SHARED_CACHE_SECONDS stale where nothing purges it.
"""

import time

import pytest
from django.urls import reverse

from tests.caching.conftest import cache_control, fetch, schedule_in
from tests.caching.test_wsgi_hits import call
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def later(monkeypatch):
    """later(seconds): the clock reads that much later from now on."""
    real = time.time

    def move(seconds):
        monkeypatch.setattr(time, "time", lambda: real() + seconds)

    return move


def test_a_hit_sends_the_time_left(client, later):
    make_article()
    home = reverse("articles:index")
    assert cache_control(client.get(home))["s-maxage"] == "60"
    later(25)
    hit, queries = fetch(client, home)
    assert queries == 0
    directives = cache_control(hit)
    assert int(directives["s-maxage"]) in (34, 35)
    assert directives["stale-while-revalidate"] == "30"
    assert directives["public"] == ""


def test_a_hit_never_reaches_past_the_next_scheduled_article(client, later):
    make_article()
    schedule_in(5)
    home = reverse("articles:index")
    stored = cache_control(client.get(home))
    assert int(stored["s-maxage"]) <= 5
    later(3)
    hit, queries = fetch(client, home)
    assert queries == 0
    directives = cache_control(hit)
    # Fresh and stale together end before the article goes live, 2 s from now.
    assert int(directives["s-maxage"]) + int(directives["stale-while-revalidate"]) <= 2


def test_a_304_from_a_hit_sends_the_time_left(client, later):
    url = make_article().get_absolute_url()
    etag = client.get(url)["ETag"]
    later(40)
    response, queries = fetch(client, url, if_none_match=etag)
    assert (response.status_code, queries) == (304, 0)
    assert int(cache_control(response)["s-maxage"]) in (19, 20)


def test_a_wsgi_hit_sends_the_time_left(later):
    url = make_article().get_absolute_url()
    call(url)
    later(50)
    status, headers, _body, queries = call(url)
    assert (status, queries) == ("200 OK", 0)
    assert int(cache_control_of(headers)["s-maxage"]) in (9, 10)


def cache_control_of(headers) -> dict[str, str]:
    return {
        name: value
        for name, _, value in (
            part.strip().partition("=") for part in headers["Cache-Control"].split(",")
        )
    }
