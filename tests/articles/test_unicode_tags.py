"""Tags named in any script or with emoji: every page that shows or lists them works."""

import importlib
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from pytest_django.asserts import assertContains
from taggit.models import Tag

from tests.admin_form import post_change_form
from tests.factories import make_article

pytestmark = pytest.mark.django_db

SITE_URL = "https://news.example"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NAMES = ["Zürich", "São Paulo", "naïve", "日本", "🚀"]


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


def tag_path(name: str) -> str:
    return reverse("articles:tag", args=[Tag.objects.get(name=name).slug])


@pytest.mark.parametrize("name", NAMES)
def test_article_tagged_with_any_name_opens(client, name):
    article = make_article(tags=[name])

    response = client.get(article.get_absolute_url())

    assertContains(response, f'href="{tag_path(name)}"')


@pytest.mark.parametrize("name", NAMES)
def test_tag_page_lists_its_article(client, name):
    article = make_article(title="Tagged piece", tags=[name])

    response = client.get(tag_path(name))

    assertContains(response, article.get_absolute_url())


@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("name", NAMES)
def test_tag_feeds_hold_the_tagged_article(client, name, fmt):
    make_article(title="Tagged piece", tags=[name])
    slug = Tag.objects.get(name=name).slug

    response = client.get(reverse(f"syndication:tag_{fmt}", args=[slug]))

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Tagged piece"]


@pytest.mark.parametrize("name", NAMES)
def test_tag_sitemap_lists_a_working_tag_page(client, name):
    make_article(tags=[name])

    response = client.get(reverse("syndication:sitemap_section", args=["tags"]))

    locs = [
        loc.text
        for loc in ElementTree.fromstring(response.content).findall("sm:url/sm:loc", NS)
    ]
    assert locs == [SITE_URL + tag_path(name)]
    assert client.get(urlsplit(locs[0]).path).status_code == 200


@pytest.mark.parametrize("name", NAMES)
def test_related_articles_follow_a_shared_tag(client, name):
    article = make_article(tags=[name])
    other = make_article(title="Shares the tag", tags=[name])

    response = client.get(article.get_absolute_url())

    assertContains(response, other.get_absolute_url())


@pytest.mark.parametrize("name", ["🚀", "!!!", "—", "🎉🎉"])
def test_tag_without_letters_gets_a_slug(name):
    make_article(tags=[name])

    assert Tag.objects.get(name=name).slug


def test_tags_without_letters_get_different_slugs():
    make_article(tags=["🚀", "🎉", "!!!", "???"])

    slugs = list(Tag.objects.values_list("slug", flat=True))
    assert all(slugs)
    assert len(set(slugs)) == 4


def test_tags_typed_in_the_admin_keep_the_article_open(editor_client, client):
    article = make_article()

    response = post_change_form(editor_client, article, tags=", ".join(NAMES))

    assert response.status_code == 302
    assert set(article.tags.names()) == set(NAMES)
    page = client.get(article.get_absolute_url())
    for name in NAMES:
        assertContains(page, f'href="{tag_path(name)}"')


def test_migration_gives_stored_tags_without_letters_a_slug(client):
    migration = importlib.import_module(
        "articles.migrations.0008_give_every_tag_an_address"
    )
    article = make_article(tags=["🚀", "🎉", "Zürich"])
    Tag.objects.filter(name="🚀").update(slug="")
    Tag.objects.filter(name="🎉").update(slug="_1")

    migration.give_every_tag_an_address(django_apps, None)

    assert dict(Tag.objects.values_list("name", "slug")) == {
        "🚀": "rocket",
        "🎉": "party-popper",
        "Zürich": "zürich",
    }
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("model", ["section", "author"])
@pytest.mark.parametrize("slug", ["日本", "zürich", "", "🚀"])
def test_admin_refuses_slug_outside_ascii(editor_client, model, slug):
    url = reverse(f"admin:articles_{model}_add")

    response = editor_client.post(url, {"name": "日本", "slug": slug, "order": 0})

    assert response.status_code == 200
    assertContains(response, "errorlist")
