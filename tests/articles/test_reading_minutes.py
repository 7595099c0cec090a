"""An article's "min read" is derived from its body when it is saved."""

import pytest

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def body_of(words: int) -> str:
    return "<p>" + " ".join(["word"] * words) + "</p><script>not counted</script>"


def test_reading_minutes_count_the_bodys_words():
    article = make_article(body=body_of(230 * 4))
    assert Article.objects.get(pk=article.pk).reading_minutes == 4


def test_short_body_reads_in_one_minute():
    article = make_article(body="<p>Brief.</p>")
    assert Article.objects.get(pk=article.pk).reading_minutes == 1


def test_editing_the_body_updates_reading_minutes():
    article = make_article(body=body_of(230))
    article.body = body_of(230 * 7)
    article.save()
    assert Article.objects.get(pk=article.pk).reading_minutes == 7


def test_article_page_shows_reading_minutes(client):
    article = make_article(body=body_of(230 * 3))
    response = client.get(article.get_absolute_url())
    assert "· 3 min read" in response.content.decode()
