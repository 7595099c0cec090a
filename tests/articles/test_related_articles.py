"""Related articles: published articles sharing the most tags, under the curated links."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article, SeeAlsoLink, Status
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def related(article, exclude=()):
    return list(Article.objects.published().related_to(article, exclude=exclude))


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


def related_titles(response) -> list[str]:
    """Titles in the page's "Related articles" list, in order."""
    html = response.content.decode()
    match = re.search(r'<ul class="see-also__related".*?</ul>', html, re.DOTALL)
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', match.group()) if match else []


# Which articles are related


def test_articles_sharing_more_tags_come_first():
    article = make_article(tags=["safety", "research", "models"])
    two = make_article(tags=["safety", "research"], published_at=hours_ago(5))
    one = make_article(
        tags=["models", "pricing", "api", "billing"], published_at=hours_ago(1)
    )
    make_article(tags=["pricing"])

    assert related(article) == [two, one]


def test_shared_tag_count_is_annotated():
    article = make_article(tags=["safety", "research", "models"])
    make_article(tags=["safety", "research", "pricing"])

    [two] = Article.objects.published().related_to(article)

    assert two.shared_tags == 2


def test_equally_related_articles_newest_first():
    article = make_article(tags=["safety"])
    older = make_article(tags=["safety"], published_at=hours_ago(5))
    newer = make_article(tags=["safety"], published_at=hours_ago(1))

    assert related(article) == [newer, older]


def test_article_is_not_related_to_itself():
    article = make_article(tags=["safety"])

    assert related(article) == []


def test_untagged_article_has_no_related_articles():
    article = make_article()
    make_article(tags=["safety"])

    assert related(article) == []


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT},
        {"published_at": timezone.now() + timedelta(days=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_articles_are_never_related(fields):
    article = make_article(tags=["safety"])
    make_article(tags=["safety"], **fields)

    assert related(article) == []


def test_excluded_articles_are_left_out():
    article = make_article(tags=["safety"])
    linked = make_article(tags=["safety"])
    other = make_article(tags=["safety"])

    assert related(article, exclude=[linked.pk]) == [other]


# What readers see


def test_article_page_shows_three_most_related_articles(client):
    article = make_article(tags=["a", "b", "c", "d"])
    make_article(title="Shares one", tags=["a"])
    make_article(title="Shares four", tags=["a", "b", "c", "d"])
    make_article(title="Shares two", tags=["a", "b"])
    make_article(title="Shares three", tags=["a", "b", "c"])

    response = client.get(article.get_absolute_url())

    assert related_titles(response) == ["Shares four", "Shares three", "Shares two"]


def test_related_article_shows_section_and_date(client):
    article = make_article(tags=["safety"])
    make_article(
        tags=["safety"],
        section=make_section(name="Research"),
        published_at=datetime(2025, 3, 4, 12, tzinfo=UTC),
    )

    response = client.get(article.get_absolute_url())

    assert re.search(
        r"Research · <time[^>]*>4 Mar 2025</time>", response.content.decode()
    )


def test_article_already_linked_is_not_repeated_in_related(client):
    article = make_article(tags=["safety"])
    linked = make_article(title="Linked by the editor", tags=["safety"])
    make_article(title="Found by tags", tags=["safety"])
    SeeAlsoLink.objects.create(article=article, target_article=linked)

    response = client.get(article.get_absolute_url())

    assert related_titles(response) == ["Found by tags"]


def test_related_articles_alone_make_see_also_section(client):
    article = make_article(tags=["safety"])
    make_article(title="Found by tags", tags=["safety"])

    response = client.get(article.get_absolute_url())

    assert 'id="see-also-title"' in response.content.decode()
