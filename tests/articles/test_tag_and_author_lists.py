"""Tag and author pages list the same articles whichever way their query walks.

A tag or author with few articles is sorted from its own rows; one with many is
found by walking the newest articles (ArticleQuerySet.member_of()). Setting
MANY_MEMBERS low makes the small lists here take the second way too.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import models
from articles.models import Article, Status
from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1000, 2], ids=["sorted-from-members", "walked-newest-first"])
def _plan(request, monkeypatch):
    monkeypatch.setattr(models, "MANY_MEMBERS", request.param)


@pytest.fixture
def author_articles():
    """An author's published, draft and scheduled articles, and someone else's."""
    author, now = make_author(), timezone.now()
    published = [
        make_article(
            authors=[author], tags=["ai"], published_at=now - timedelta(hours=n + 1)
        )
        for n in range(4)
    ]
    make_article(authors=[author], tags=["ai"], status=Status.DRAFT)
    make_article(authors=[author], tags=["ai"], published_at=now + timedelta(hours=1))
    make_article(tags=["other"])
    return author, published


def listed(client, url) -> list[str]:
    return [a.slug for a in client.get(url).context["page_obj"].object_list]


@pytest.mark.usefixtures("_plan")
def test_author_page_lists_their_published_articles_newest_first(
    client, author_articles
):
    author, published = author_articles
    assert listed(client, author.get_absolute_url()) == [a.slug for a in published]


@pytest.mark.usefixtures("_plan")
def test_tag_page_lists_its_published_articles_newest_first(client, author_articles):
    _, published = author_articles
    url = reverse("articles:tag", args=["ai"])
    assert listed(client, url) == [a.slug for a in published]


@pytest.mark.usefixtures("_plan")
def test_co_authored_article_is_listed_once(client):
    first, second = make_author(), make_author()
    article = make_article(authors=[first, second])
    assert list(Article.objects.published().by_author(second)) == [article]
