"""Reader lists page by "newer" and "older" links, without counting the whole list."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Status
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db

PER_PAGE = 20


@pytest.fixture
def section_articles():
    """45 published articles in one section, newest first: three pages."""
    section = make_section()
    now = timezone.now()
    articles = [
        make_article(section=section, published_at=now - timedelta(hours=n + 1))
        for n in range(45)
    ]
    make_article(section=section, status=Status.DRAFT)
    return section, articles


def titles(response) -> list[str]:
    return [article.title for article in response.context["page_obj"].object_list]


def test_first_page_shows_the_newest_and_links_only_older(client, section_articles):
    section, articles = section_articles
    response = client.get(section.get_absolute_url())
    assert titles(response) == [a.title for a in articles[:PER_PAGE]]
    assertContains(response, 'rel="next" href="?page=2"')
    assertNotContains(response, 'rel="prev"')


def test_middle_page_links_newer_and_older(client, section_articles):
    section, articles = section_articles
    response = client.get(section.get_absolute_url() + "?page=2")
    assert titles(response) == [a.title for a in articles[PER_PAGE : 2 * PER_PAGE]]
    assertContains(response, 'rel="prev" href="?page=1"')
    assertContains(response, 'rel="next" href="?page=3"')
    assertContains(response, "Page 2</span>")


def test_last_page_has_no_older_link(client, section_articles):
    section, articles = section_articles
    response = client.get(section.get_absolute_url() + "?page=3")
    assert titles(response) == [a.title for a in articles[2 * PER_PAGE :]]
    assertNotContains(response, 'rel="next"')


def test_page_past_the_end_is_not_found(client, section_articles):
    section, _ = section_articles
    assert client.get(section.get_absolute_url() + "?page=4").status_code == 404


def test_page_last_still_answers(client, section_articles):
    section, articles = section_articles
    response = client.get(section.get_absolute_url() + "?page=last")
    assert titles(response) == [a.title for a in articles[2 * PER_PAGE :]]


def test_exactly_one_full_page_has_no_older_link(client):
    section = make_section()
    for _ in range(PER_PAGE):
        make_article(section=section)
    response = client.get(section.get_absolute_url())
    assert len(titles(response)) == PER_PAGE
    assertNotContains(response, 'class="pagination"')


def test_empty_list_still_answers(client):
    section = make_section()
    response = client.get(section.get_absolute_url())
    assert response.status_code == 200
    assertContains(response, "Nothing published here yet.")


def test_list_page_counts_nothing(client, section_articles):
    section, _ = section_articles
    with CaptureQueriesContext(connection) as queries:
        client.get(section.get_absolute_url() + "?page=2")
    assert not [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
