"""Every page carries the search box in its header."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_article, make_entry

pytestmark = pytest.mark.django_db

SEARCH_BOX = re.compile(
    r'<form class="site-search" id="site-search" role="search" '
    r'action="/search/" method="get"[^>]*>\s*'
    r'<label class="visually-hidden" for="site-search-q">[^<]+</label>\s*'
    r'<input [^>]*id="site-search-q" name="q"[^>]*>\s*'
    r'<button [^>]*type="submit">Search</button>'
)


@pytest.fixture
def article():
    make_entry()
    return make_article(tags=["privacy"])


def page_urls(article):
    return {
        "home": reverse("articles:index"),
        "news": reverse("articles:news"),
        "article": article.get_absolute_url(),
        "section": article.section.get_absolute_url(),
        "tag": reverse("articles:tag", args=["privacy"]),
        "author": article.byline_authors[0].get_absolute_url(),
        "faq": reverse("faq:index"),
        "corrections": reverse("corrections:index"),
        "search": reverse("search:index") + "?q=article",
        "404": "/no-such-page/",
    }


PAGE_TYPES = [
    "home",
    "news",
    "article",
    "section",
    "tag",
    "author",
    "faq",
    "corrections",
    "search",
    "404",
]


@pytest.mark.parametrize("page", PAGE_TYPES)
def test_search_box_is_in_the_header_of_every_page_type(client, article, page):
    response = client.get(page_urls(article)[page])

    assert response.status_code == (404 if page == "404" else 200)
    header = response.content.decode().split('<header class="site-header">')[1]
    assert SEARCH_BOX.search(header.split("</header>")[0])
