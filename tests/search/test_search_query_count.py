"""The search page's query count must not grow with its results."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_article, make_author, make_entry, make_section

pytestmark = pytest.mark.django_db

# The page of hits with their total, its articles, its FAQ entries, the sections.
MAX_QUERIES = 4


def query_count(client, query) -> int:
    url = reverse("search:index")
    client.get(url, {"q": query})  # Warm the site-settings cache, as on a live site.
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, {"q": query}).status_code == 200
    return len(queries)


def fill(word, *, articles: int, entries: int):
    section, author = make_section(), make_author()
    for n in range(articles):
        make_article(title=f"{word} {n}", section=section, authors=[author])
    for n in range(entries):
        make_entry(question=f"{word} {n}?")


def test_search_page_query_count_is_constant(client):
    fill("Quoll", articles=1, entries=1)
    small = query_count(client, "quoll")

    fill("Dunnart", articles=18, entries=2)  # A full page, both kinds on it.
    big = query_count(client, "dunnart")

    assert small == big
    assert big <= MAX_QUERIES
