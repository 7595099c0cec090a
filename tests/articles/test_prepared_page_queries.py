"""Readers' article query, its SQL built once (articles/prepared.py), finds what
published().for_detail() finds, at the time it is given."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from articles.page_queries import READER_ARTICLE, related_articles
from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db


def test_reader_query_reads_the_article_and_its_lists():
    article = make_article(authors=[make_author(name="Maya Okafor")], tags=["ai"])
    found = READER_ARTICLE.first(slug=article.slug, now=timezone.now())
    expected = Article.objects.published().for_detail().get(pk=article.pk)
    assert (found.pk, found.title, found.published_at) == (
        expected.pk,
        expected.title,
        expected.published_at,
    )
    assert found.section.name == expected.section.name
    assert [a.name for a in found.byline_authors] == ["Maya Okafor"]
    assert [t.slug for t in found.tag_list] == ["ai"]


def test_reader_query_finds_each_slug_it_is_given():
    first, second = make_article(), make_article()
    now = timezone.now()
    assert READER_ARTICLE.first(slug=first.slug, now=now).pk == first.pk
    assert READER_ARTICLE.first(slug=second.slug, now=now).pk == second.pk


def test_reader_query_misses_unknown_slug():
    make_article()
    assert READER_ARTICLE.first(slug="no-such-article", now=timezone.now()) is None


def test_reader_query_skips_drafts():
    draft = make_article(status=Status.DRAFT, published_at=None)
    assert READER_ARTICLE.first(slug=draft.slug, now=timezone.now()) is None


def test_scheduled_article_appears_once_its_time_has_come():
    publish_at = timezone.now() + timedelta(hours=1)
    article = make_article(published_at=publish_at)
    before = publish_at - timedelta(seconds=1)
    assert READER_ARTICLE.first(slug=article.slug, now=before) is None
    assert READER_ARTICLE.first(slug=article.slug, now=publish_at).pk == article.pk


def related_both_ways(article, exclude=()):
    """Related articles from the queryset and from the prepared query, by pk."""
    expected = Article.objects.published().related_to(article, exclude=exclude)[:3]
    found = related_articles(
        Article.objects.for_detail().get(pk=article.pk), exclude=list(exclude)
    )
    return [a.pk for a in expected], [a.pk for a in found]


@pytest.mark.parametrize("tag_count", [1, 2, 3])
def test_prepared_related_articles_match_the_queryset(tag_count):
    names = [f"t{n}" for n in range(tag_count)]
    article = make_article(tags=names)
    for count in range(1, 5):
        make_article(tags=names[:count])
    make_article(tags=["elsewhere"])
    expected, found = related_both_ways(article)
    assert found == expected
    assert len(found) == 3


def test_prepared_related_articles_leave_out_excluded_ones():
    article = make_article(tags=["ai"])
    first, second = make_article(tags=["ai"]), make_article(tags=["ai"])
    expected, found = related_both_ways(article, exclude=[first.pk])
    assert found == expected == [second.pk]


def test_prepared_related_articles_leave_out_scheduled_ones():
    article = make_article(tags=["ai"])
    make_article(tags=["ai"], published_at=timezone.now() + timedelta(hours=1))
    assert related_both_ways(article) == ([], [])
