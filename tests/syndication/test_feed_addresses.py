"""A feed's address is a live page exactly while its section, tag or author exists.

Redirects (redirects/reserved.py) refuse to take over a live page; syndication tells
them when a subject's feed answers, as articles does for the subject's own page.
"""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from redirects.models import Redirect
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:redirects_redirect_add")
ELSEWHERE = "https://elsewhere.example/"
SUBJECTS = {
    "section": lambda: make_section(slug="guides"),
    "tag": lambda: make_article(tags=["guides"]),
    "author": lambda: make_author(slug="guides"),
}
FEEDS = [(subject, fmt) for subject in SUBJECTS for fmt in ("rss", "atom")]


def add(client, old_path):
    return client.post(ADD_URL, {"old_path": old_path, "target": ELSEWHERE})


@pytest.mark.parametrize(("subject", "fmt"), FEEDS)
def test_feed_of_an_existing_subject_cannot_be_redirected(editor_client, subject, fmt):
    SUBJECTS[subject]()
    path = reverse(f"syndication:{subject}_{fmt}", args=["guides"])

    response = add(editor_client, path)

    assertContains(response, f"a live page answers at {path}")
    assert not Redirect.objects.exists()


@pytest.mark.parametrize(("subject", "fmt"), FEEDS)
def test_feed_of_a_missing_subject_can_be_redirected(editor_client, subject, fmt):
    path = reverse(f"syndication:{subject}_{fmt}", args=["gone"])

    response = add(editor_client, path)

    assert response.status_code == 302
    assert Redirect.objects.filter(old_path=path).exists()
