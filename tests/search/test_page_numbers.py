"""A page number no one can ask for through the site's links: a 404, never a 500.

Every paginated page answers the way Django's ListView does, search included.
"""

import pytest
from django.urls import reverse

from corrections.models import Note
from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db

BAD_PAGES = ["²", "abc", "-1", "0", "99999", "1.5", "1e3", "١٠"]


@pytest.fixture
def pages():
    """Each paginated reader page, with one article on it."""
    author = make_author(name="Ada")
    article = make_article(title="Claude explained", tags=["models"], authors=[author])
    Note.objects.create(article=article, text="A fix.")
    return {
        "home": reverse("articles:index"),
        "news": reverse("articles:news"),
        "section": article.section.get_absolute_url(),
        "tag": reverse("articles:tag", args=["models"]),
        "author": author.get_absolute_url(),
        "corrections": reverse("corrections:index"),
        "search": reverse("search:index") + "?q=claude",
    }


def page_url(url: str, page: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}page={page}"


@pytest.mark.parametrize(
    "name", ["home", "news", "section", "tag", "author", "corrections", "search"]
)
@pytest.mark.parametrize("page", BAD_PAGES)
def test_bad_page_number_is_not_found(client, pages, name, page):
    response = client.get(page_url(pages[name], page))

    assert response.status_code == 404


@pytest.mark.parametrize(
    "name", ["home", "news", "section", "tag", "author", "corrections", "search"]
)
@pytest.mark.parametrize("page", ["1", "last", ""])
def test_first_and_last_page_answer(client, pages, name, page):
    response = client.get(page_url(pages[name], page))

    assert response.status_code == 200
    assert b"explained" in response.content


@pytest.mark.parametrize("page", BAD_PAGES)
def test_faq_page_ignores_page_numbers(client, page):
    assert client.get(page_url(reverse("faq:index"), page)).status_code == 200
