"""A page's query count must not grow with what is on it."""

import pytest
from django.urls import reverse

from articles.models import LinkKind, SeeAlsoLink
from corrections.models import Kind as NoteKind, Note
from faq.models import ArticleEntry
from tests.factories import make_article, make_author, make_entry, make_section
from tests.page import count_queries

pytestmark = pytest.mark.django_db

# One of them reads the site settings: without a cache every worker shares, once
# per request, so that a save shows everywhere at once (siteconfig/models.py).
MAX_QUERIES = 9
# The uncached article page (issue #10): its article, see-also links, bylines,
# tags, notes, FAQ entries, site settings and navigation in one query; related
# articles.
ARTICLE_MAX_QUERIES = 2


def fill(section, author, *, articles: int, extra_authors: int, tags: int):
    """Make articles that each carry extra_authors + 1 authors and `tags` tags."""
    co_authors = [make_author() for _ in range(extra_authors)]
    tag_names = ["common"] + [f"tag-{n}" for n in range(tags - 1)]
    return [
        make_article(section=section, authors=[author, *co_authors], tags=tag_names)
        for _ in range(articles)
    ]


def list_urls(section, author):
    return {
        "home": reverse("articles:index"),
        "section": section.get_absolute_url(),
        "tag": reverse("articles:tag", args=["common"]),
        "author": author.get_absolute_url(),
    }


@pytest.mark.parametrize("page", ["home", "section", "tag", "author"])
def test_list_page_query_count_is_constant(client, page):
    small_section, small_author = make_section(), make_author()
    fill(small_section, small_author, articles=1, extra_authors=0, tags=1)
    small = count_queries(client, list_urls(small_section, small_author)[page])

    big_section, big_author = make_section(), make_author()
    fill(big_section, big_author, articles=20, extra_authors=3, tags=5)
    big = count_queries(client, list_urls(big_section, big_author)[page])

    assert small == big
    assert big <= MAX_QUERIES


def test_article_page_query_count_is_constant(client):
    section, author = make_section(), make_author()
    [small_article] = fill(section, author, articles=1, extra_authors=0, tags=1)
    [big_article] = fill(section, author, articles=1, extra_authors=6, tags=12)
    small = count_queries(client, small_article.get_absolute_url())
    big = count_queries(client, big_article.get_absolute_url())
    assert small == big
    assert big <= ARTICLE_MAX_QUERIES


def add_see_also(article, *, links: int):
    """Give article `links` curated links of mixed kinds and three related articles."""
    kinds = [LinkKind.ARTICLE, LinkKind.SECTION, LinkKind.NEWS, LinkKind.EXTERNAL]
    for position in range(links):
        kind = kinds[position % len(kinds)]
        SeeAlsoLink.objects.create(
            article=article,
            position=position,
            kind=kind,
            target_article=make_article() if kind == LinkKind.ARTICLE else None,
            target_section=make_section() if kind == LinkKind.SECTION else None,
            url="https://example.org/" if kind == LinkKind.EXTERNAL else "",
            label="Elsewhere" if kind == LinkKind.EXTERNAL else "",
        )
    for _ in range(3):
        make_article(authors=[make_author(), make_author()], tags=article.tags.names())


def test_article_page_query_count_is_constant_with_see_also(client):
    small_article = make_article(tags=["small"])
    add_see_also(small_article, links=1)
    big_article = make_article(tags=["big", "bigger"])
    add_see_also(big_article, links=8)

    small = count_queries(client, small_article.get_absolute_url())
    big = count_queries(client, big_article.get_absolute_url())

    assert small == big
    assert big <= ARTICLE_MAX_QUERIES


def add_notes_and_faq(article, *, count: int):
    for position in range(count):
        Note.objects.create(article=article, kind=NoteKind.UPDATE, text="News.")
        ArticleEntry.objects.create(
            article=article, entry=make_entry(), position=position
        )


def test_article_page_query_count_is_constant_with_notes_and_faq(client):
    small_article, big_article = make_article(), make_article()
    add_notes_and_faq(small_article, count=1)
    add_notes_and_faq(big_article, count=6)

    small = count_queries(client, small_article.get_absolute_url())
    big = count_queries(client, big_article.get_absolute_url())

    assert small == big
    assert big <= ARTICLE_MAX_QUERIES
