"""The article, tag and author sitemaps are split into files of bounded size.

A file holds one range of primary keys, so the index lists the files from the
largest key alone and each file reads one range, at any size of the archive.
"""

import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from syndication.sitemaps import ArticleSitemap, AuthorSitemap, TagSitemap
from tests.factories import make_article, make_author
from tests.page import count_queries

# Keys from 1 on every database (PostgreSQL's sequences keep counting across
# tests otherwise), so the index lists a handful of files, not thousands.
pytestmark = pytest.mark.django_db(transaction=True, reset_sequences=True)

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SIZE = 3


@pytest.fixture(autouse=True)
def _small_files(monkeypatch):
    for sitemap in (ArticleSitemap, TagSitemap, AuthorSitemap):
        monkeypatch.setattr(sitemap, "limit", SIZE)


def locs(client, url: str, element: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    root = ElementTree.fromstring(response.content)
    return [loc.text for loc in root.findall(f"sm:{element}/sm:loc", NS)]


def files(client, kind: str) -> list[str]:
    """The index's files for kind, as paths with their query."""
    found = locs(client, reverse("syndication:sitemap"), "sitemap")
    return [
        re.sub(r"^https?://[^/]+", "", loc) for loc in found if f"sitemap-{kind}" in loc
    ]


def listed(client, kind: str) -> list[str]:
    """Every URL of every file of kind, in file order."""
    return [url for path in files(client, kind) for url in locs(client, path, "url")]


@pytest.fixture
def archive():
    """Published, draft and scheduled articles: a few files' worth."""
    now = timezone.now()
    published = [
        make_article(published_at=now - timedelta(hours=n + 1)) for n in range(8)
    ]
    draft = make_article(status=Status.DRAFT)
    scheduled = make_article(published_at=now + timedelta(hours=1))
    published.append(make_article(published_at=now - timedelta(minutes=5)))
    return published, [draft, scheduled]


def test_every_published_article_is_in_exactly_one_file(client, archive):
    published, _ = archive
    urls = listed(client, "articles")
    paths = [url.split("://", 1)[1].split("/", 1)[1] for url in urls]
    assert sorted(paths) == sorted(a.get_absolute_url()[1:] for a in published)


def test_drafts_and_scheduled_articles_are_in_no_file(client, archive):
    _, hidden = archive
    urls = " ".join(listed(client, "articles"))
    for article in hidden:
        assert article.get_absolute_url() not in urls


def test_no_file_holds_more_than_its_size(client, archive):
    for path in files(client, "articles"):
        assert len(locs(client, path, "url")) <= SIZE


def test_index_lists_a_file_for_each_key_range(client, archive):
    last = Article.objects.order_by("-pk").first().pk
    assert len(files(client, "articles")) == -(-last // SIZE)


def test_a_file_past_the_index_is_not_found(client, archive):
    last_file = files(client, "articles")[-1]
    number = int(last_file.rsplit("p=", 1)[1]) if "p=" in last_file else 1
    url = reverse("syndication:sitemap_section", args=["articles"])
    assert client.get(f"{url}?p={number + 1}").status_code == 404
    assert client.get(f"{url}?p=abc").status_code == 404


def paths(urls: list[str]) -> list[str]:
    return sorted(re.sub(r"^https?://[^/]+", "", url) for url in urls)


def test_every_tag_and_author_is_in_exactly_one_file(client):
    authors = [make_author() for _ in range(5)]
    for n, author in enumerate(authors):
        make_article(authors=[author], tags=[f"topic-{n}", "shared"])
    make_article(status=Status.DRAFT, authors=[make_author()], tags=["unpublished"])
    tag_names = [*(f"topic-{n}" for n in range(5)), "shared"]
    assert paths(listed(client, "tags")) == sorted(
        reverse("articles:tag", args=[name]) for name in tag_names
    )
    assert paths(listed(client, "authors")) == sorted(
        author.get_absolute_url() for author in authors
    )


def test_index_query_count_does_not_grow_with_the_files(client):
    make_article()
    small = count_queries(client, reverse("syndication:sitemap"))
    for _ in range(4 * SIZE):
        make_article(tags=["claude"])
    assert count_queries(client, reverse("syndication:sitemap")) == small
