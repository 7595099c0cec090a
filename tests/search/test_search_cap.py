"""A word every article holds: only the newest MAX_MATCHES matches are ranked.

So a search costs the same in a large archive as in a small one, and the page says
there were more.
"""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Status
from search import backends
from tests.factories import make_article
from tests.search.pages import titles

pytestmark = pytest.mark.django_db

CAP = 4


@pytest.fixture(autouse=True)
def _small_cap(monkeypatch):
    monkeypatch.setattr(backends, "MAX_MATCHES", CAP)


def test_only_the_newest_matches_are_ranked(search, section):
    for n in range(6):
        make_article(title=f"Quokka sighting {n}", section=section)
    response = search(q="quokka")
    assert sorted(titles(response)) == [f"Quokka sighting {n}" for n in range(2, 6)]
    assertContains(response, "4+ results for")


def test_fewer_matches_than_the_cap_are_all_counted(search, section):
    for n in range(3):
        make_article(title=f"Quokka sighting {n}", section=section)
    response = search(q="quokka")
    assert len(titles(response)) == 3
    assertContains(response, "3 results for")
    assertNotContains(response, "3+ results")


def test_drafts_among_the_newest_matches_stay_hidden(search, section):
    for n in range(3):
        make_article(title=f"Quokka sighting {n}", section=section)
    make_article(title="Quokka draft", section=section, status=Status.DRAFT)
    response = search(q="quokka")
    assert "Quokka draft" not in titles(response)
    assert len(titles(response)) == 3
