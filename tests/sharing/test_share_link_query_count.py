"""The preview page's query count must not grow with what is on the article."""

import pytest
from django.urls import reverse

from articles.models import Status
from tests.articles.test_query_counts import ARTICLE_MAX_QUERIES, add_see_also
from tests.factories import make_article, make_author, make_share_link
from tests.page import count_queries

pytestmark = pytest.mark.django_db


def preview_url_of(article):
    _, token = make_share_link(article=article)
    return reverse("sharing:preview", args=[token])


def test_preview_query_count_is_constant(client):
    small = make_article(status=Status.DRAFT, tags=["small"])
    add_see_also(small, links=1)
    big = make_article(
        status=Status.DRAFT,
        authors=[make_author() for _ in range(6)],
        tags=["big", "bigger", "biggest"],
    )
    add_see_also(big, links=8)

    small_count = count_queries(client, preview_url_of(small))
    big_count = count_queries(client, preview_url_of(big))

    assert small_count == big_count
    # The article page's budget, plus the one query that finds the link.
    assert big_count <= ARTICLE_MAX_QUERIES + 1
