"""The article page lists its tags in one fixed order: the oldest tag first."""

import pytest
from taggit.models import Tag

from tests.factories import make_article
from tests.page import Head

pytestmark = pytest.mark.django_db


def test_article_page_lists_tags_oldest_tag_first(client):
    for name in ["Zebra", "Apple", "Mango"]:
        Tag.objects.create(name=name, slug=name.lower())
    article = make_article(tags=["Mango", "Zebra", "Apple"])

    page = Head(client.get(article.get_absolute_url()).content.decode())

    assert page.meta["article:tag"] == ["Zebra", "Apple", "Mango"]
    assert page.of_type("NewsArticle")["keywords"] == ["Zebra", "Apple", "Mango"]
