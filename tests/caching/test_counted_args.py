"""Which query arguments tell pages apart: page everywhere, p on the sitemaps, q on
search; any other shares the page's entry. A page number not written the one
way is never kept: else ?page=01, ?page=001 ... are endless copies of one page.
"""

import pytest
from django.urls import reverse

from articles import publishing
from articles.models import Status
from tests.caching.conftest import cache_control, fetch, is_cached, wait_for
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return make_article(title="Is Claude secure", tags=["ai"])


@pytest.mark.parametrize("query", ["?q=1", "?q=2&p=3", "?p=9"])
def test_p_and_q_share_the_entry_outside_sitemaps_and_search(client, article, query):
    home = reverse("articles:index")
    client.get(home)
    assert is_cached(client, home + query)


def test_p_counts_on_sitemaps(client, article):
    sitemap = reverse("syndication:sitemap_section", args=["articles"])
    client.get(sitemap)
    assert not is_cached(client, sitemap + "?p=1")
    assert is_cached(client, sitemap + "?p=1&q=x")


def test_q_counts_on_search(client, article):
    search = reverse("search:index")
    client.get(search)
    # Not the stored empty form: the results are made for this query.
    response, queries = fetch(client, search + "?q=claude")
    assert response.status_code == 200
    assert queries > 0


@pytest.mark.parametrize(
    "query", ["?page=01", "?page=1.0", "?page=last", "?page=", "?page=12345678"]
)
def test_a_page_number_not_written_the_one_way_is_private(client, article, query):
    url = reverse("articles:index") + query
    response = client.get(url)
    assert "private" in cache_control(response), query
    assert not is_cached(client, url)


def test_a_sitemap_page_not_written_the_one_way_is_private(client, article):
    url = reverse("syndication:sitemap_section", args=["articles"]) + "?p=01"
    assert "private" in cache_control(client.get(url))


def test_a_canonical_page_number_is_shared(client, article):
    url = reverse("articles:index") + "?page=1"
    assert "public" in cache_control(client.get(url))
    assert is_cached(client, url)


def test_a_page_shared_under_other_arguments_is_purged_by_its_own_address(
    client, front, editor, django_capture_on_commit_callbacks
):
    client.get(reverse("articles:index") + "?q=spam&p=2&utm_source=x")
    story = make_article(status=Status.DRAFT, published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(story, user=editor)
    assert wait_for(lambda: any(path == "/" for _method, path, _host in front))
    assert not [path for _method, path, _host in front if "?" in path]
