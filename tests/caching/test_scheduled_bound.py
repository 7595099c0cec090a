"""Scheduled articles appear on time: no cached page outlives the next publish time."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Status
from tests.caching.conftest import cache_control, fetch, is_cached, schedule_in
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_without_a_schedule_pages_keep_the_full_time(client):
    make_article()
    directives = cache_control(client.get(reverse("articles:index")))
    assert directives["s-maxage"] == "60"
    assert directives["stale-while-revalidate"] == "30"


def test_a_schedule_inside_the_lifetime_bounds_it(client):
    make_article()
    schedule_in(25)
    for url in (reverse("articles:index"), reverse("syndication:feed_rss")):
        directives = cache_control(client.get(url))
        assert 0 < int(directives["s-maxage"]) <= 25, url
        # Not even a stale copy may be served past the publish time.
        assert directives["stale-while-revalidate"] == "0", url


def test_a_schedule_just_past_the_lifetime_bounds_the_stale_time(client):
    make_article()
    schedule_in(75)
    directives = cache_control(client.get(reverse("articles:index")))
    assert directives["s-maxage"] == "60"
    assert 0 <= int(directives["stale-while-revalidate"]) <= 15


def test_a_missing_page_is_bounded_too(client):
    schedule_in(5, slug="soon")
    response = client.get(reverse("articles:detail", args=["soon"]))
    assert response.status_code == 404
    assert 0 <= int(cache_control(response)["s-maxage"]) <= 5


def test_scheduling_clears_the_pages_it_will_appear_on(
    client, editor, django_capture_on_commit_callbacks
):
    live = make_article(tags=["ai"])
    draft = make_article(
        section=live.section, tags=["ai"], status=Status.DRAFT, published_at=None
    )
    pages = [
        reverse("articles:index"),
        live.section.get_absolute_url(),
        reverse("articles:tag", args=["ai"]),
    ]
    for url in pages:
        client.get(url)
        assert is_cached(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.schedule(
            draft, user=editor, at=timezone.now() + timedelta(seconds=30)
        )
    for url in pages:
        response, queries = fetch(client, url)
        assert queries > 0, url
        assert int(cache_control(response)["s-maxage"]) <= 30, url
