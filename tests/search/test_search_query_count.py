"""The search page's query count must not grow with its results."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_author, make_entry, make_section
from tests.page import count_queries

pytestmark = pytest.mark.django_db

# The page of hits with their total, its articles, its FAQ entries, the sections,
# and the site settings (read once per request without a shared cache).
MAX_QUERIES = 5


def query_count(client, query) -> int:
    return count_queries(client, reverse("search:index"), {"q": query})


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
