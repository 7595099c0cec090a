from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_published_includes_article_whose_time_has_passed():
    article = make_article()
    assert list(Article.objects.published()) == [article]


def test_published_excludes_draft():
    make_article(status=Status.DRAFT)
    assert not Article.objects.published().exists()


def test_published_excludes_scheduled_article():
    make_article(published_at=timezone.now() + timedelta(hours=1))
    assert not Article.objects.published().exists()


def test_is_published_agrees_with_queryset():
    now = timezone.now()
    articles = [
        make_article(),
        make_article(status=Status.DRAFT),
        make_article(published_at=now + timedelta(minutes=5)),
        make_article(status=Status.DRAFT, published_at=now - timedelta(days=1)),
    ]
    published_ids = set(Article.objects.published().values_list("pk", flat=True))
    assert {a.pk for a in articles if a.is_published} == published_ids
    assert len(published_ids) == 1
