"""A description taken from the body reads "Q&A" on every surface, escaped once."""

import feedparser
import pytest
from django.urls import reverse

from tests.factories import make_article
from tests.page import Head

pytestmark = pytest.mark.django_db

BODY = "<p>Q&amp;A: <b>fish</b> &lt;and&gt; chips</p>"
TEXT = "Q&A: fish <and> chips"


@pytest.fixture
def article(settings):
    settings.SITE_URL = "https://news.example"
    return make_article(summary="", meta_description="", body=BODY)


def test_description_is_the_body_text(article):
    assert article.description == TEXT


@pytest.mark.parametrize(
    "key", ["description", "og:description", "twitter:description"]
)
def test_meta_tags_show_the_body_text(client, article, key):
    head = Head(client.get(article.get_absolute_url()).content.decode())

    assert head.one(key) == TEXT


def test_jsonld_shows_the_body_text(client, article):
    head = Head(client.get(article.get_absolute_url()).content.decode())

    assert head.of_type("NewsArticle")["description"] == TEXT


def test_json_feed_summary_is_the_body_text(client, article):
    response = client.get(reverse("syndication:feed_json"))

    assert response.json()["items"][0]["summary"] == TEXT


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_rss_and_atom_summary_is_the_body_text(client, article, fmt):
    feed = feedparser.parse(client.get(reverse(f"syndication:feed_{fmt}")).content)

    assert feed.entries[0].summary == "Q&amp;A: fish &lt;and&gt; chips"
