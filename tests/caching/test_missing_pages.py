"""Missing pages, and the redirects that answer them, are kept by the front cache
only, for 2 s: not stored by the app, not filed, never purged.

Else every distinct missing address a stranger asks for is one more page that
each publish clears inside the editor's request.
"""

import pytest
from django.urls import reverse

from articles import publishing
from articles.models import Status
from redirects.models import Redirect
from tests.caching.conftest import cache_control, fetch, wait_for
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_not_stored(client):
    url = reverse("articles:detail", args=["not-yet"])
    client.get(url)
    response, queries = fetch(client, url)
    assert response.status_code == 404
    assert queries > 0
    assert cache_control(response)["s-maxage"] == "2"


def test_a_redirect_from_a_missing_page_is_not_stored(client):
    old = reverse("articles:detail", args=["old-story"])
    Redirect.objects.create(old_path=old, target="/")
    client.get(old)
    response, queries = fetch(client, old)
    assert response.status_code == 301
    assert queries > 0
    assert cache_control(response)["s-maxage"] == "2"


def test_publishing_purges_no_missing_page(
    client, front, editor, django_capture_on_commit_callbacks
):
    missing = [reverse("articles:detail", args=[f"probe-{n}"]) for n in range(3)]
    for url in missing:
        assert client.get(url).status_code == 404
    story = make_article(status=Status.DRAFT, published_at=None)
    client.get(reverse("articles:index"))
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(story, user=editor)
    # The home page was filed: its purge shows purges were sent at all.
    assert wait_for(lambda: any(path == "/" for _method, path, _host in front))
    assert not [path for _method, path, _host in front if "probe-" in path]
