"""ETag and If-None-Match: a reader who has the page gets a 304, cached or not."""

import pytest
from django.core.cache import cache

from tests.caching.conftest import fetch
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_cache_enabled", [True, False])
def test_a_matching_etag_gets_304(client, settings, page_cache_enabled):
    settings.PAGE_CACHE_ENABLED = page_cache_enabled
    url = make_article().get_absolute_url()
    etag = client.get(url)["ETag"]
    for sent in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        response = client.get(url, headers={"If-None-Match": sent})
        assert response.status_code == 304, sent
        assert response.content == b""
        assert response["ETag"] == etag
        assert "s-maxage" in response["Cache-Control"]


def test_an_other_etag_gets_the_page(client):
    url = make_article().get_absolute_url()
    client.get(url)
    response, queries = fetch(client, url, **{"If-None-Match": '"old"'})
    assert response.status_code == 200
    assert response.content
    assert queries == 0


def test_the_etag_changes_with_the_page(client):
    article = make_article(title="Before")
    first = client.get(article.get_absolute_url())["ETag"]
    article.title = "After"
    article.save()
    cache.clear()  # The page cache is cleared by publishing (test_invalidation.py).
    assert client.get(article.get_absolute_url())["ETag"] != first
