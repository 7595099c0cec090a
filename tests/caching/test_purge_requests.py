"""What the app sends a front cache: PURGE, the page's address and its Host, twice."""

import pytest

from articles import publishing
from articles.models import Status
from caching.purge import purge_twice
from tests.caching.conftest import wait_for
from tests.factories import make_article


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


@pytest.mark.django_db
def test_a_publish_purges_the_articles_own_address_under_the_public_host(
    front, editor, settings, django_capture_on_commit_callbacks
):
    # Before publication readers got a 404 there, which the front cache keeps for
    # a moment but no tag names: the publish must name it.
    settings.SITE_URL = "https://readers.example"
    story = make_article(title="Story", status=Status.DRAFT, published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(story, user=editor)
    assert ("PURGE", story.get_absolute_url(), "readers.example") in front
