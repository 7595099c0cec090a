"""Readers' article query, its SQL built once (articles/prepared.py), finds what
published().for_detail() finds, at the time it is given."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from articles.views import READER_ARTICLE
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
