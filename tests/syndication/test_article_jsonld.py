"""Article pages describe themselves in JSON-LD, and show the breadcrumbs they declare."""

import json
from datetime import datetime, timedelta

import pytest
from django.conf import settings as django_settings

from articles.models import Article, Kind
from tests.factories import make_article, make_author, make_image, make_section
from tests.page import Head

pytestmark = pytest.mark.django_db

SITE_URL = "https://news.example"
HOSTILE_TITLE = "Hi </script><script>alert(1)</script> & <!-- bye"


class ArticlePage(Head):
    """The page's head and JSON-LD, plus its breadcrumb links."""

    def __init__(self, content: str):
        self.crumbs: list[dict] = []
        self._in_breadcrumbs = False
        self._in_crumb = False
        super().__init__(content)

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        attrs = dict(attrs)
        if tag == "nav" and "breadcrumbs" in attrs.get("class", "").split():
            self._in_breadcrumbs = True
        elif tag == "a" and self._in_breadcrumbs:
            self._in_crumb = True
            self.crumbs.append(
                {
                    "href": attrs["href"],
                    "current": attrs.get("aria-current"),
                    "text": "",
                }
            )

    def handle_data(self, data):
        super().handle_data(data)
        if self._in_crumb:
            self.crumbs[-1]["text"] += data

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "a":
            self._in_crumb = False
        elif tag == "nav":
            self._in_breadcrumbs = False


def page_of(client, article) -> ArticlePage:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return ArticlePage(response.content.decode())


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture
def article():
    return make_article(
        title="Claude reads maps",
        kind=Kind.NEWS,
        section=make_section(name="Science"),
        authors=[make_author(name="Zoe Last"), make_author(name="Ada First")],
        tags=["maps", "research"],
        meta_description="Maps, read by a model.",
    )


@pytest.fixture
def news_data(client, article) -> dict:
    return page_of(client, article).of_type("NewsArticle")


def test_every_jsonld_block_parses(client, article):
    page = page_of(client, article)
    assert len(page.jsonld) >= 2
    for block in page.jsonld:
        assert json.loads(block)["@context"] == "https://schema.org"


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [(Kind.NEWS, "NewsArticle"), (Kind.EXPLAINER, "Article"), (Kind.GUIDE, "Article")],
)
def test_schema_type_follows_the_kind(client, kind, schema_type):
    article = make_article(kind=kind)
    assert page_of(client, article).of_type(schema_type)["headline"] == article.title


def test_headline_and_description_are_the_articles(news_data):
    assert news_data["headline"] == "Claude reads maps"
    assert news_data["description"] == "Maps, read by a model."


def test_dates_carry_an_offset_and_match_the_model(news_data, article):
    article.refresh_from_db()
    published = datetime.fromisoformat(news_data["datePublished"])
    modified = datetime.fromisoformat(news_data["dateModified"])
    assert published.tzinfo is not None
    assert modified.tzinfo is not None
    assert published == article.published_at
    assert modified == article.published_at  # No update note yet.


def test_date_modified_is_the_last_update_note(client, article):
    revised = article.published_at + timedelta(days=2)
    Article.objects.filter(pk=article.pk).update(revised_at=revised)
    data = page_of(client, article).of_type("NewsArticle")
    assert datetime.fromisoformat(data["dateModified"]) == revised


def test_authors_are_people_in_byline_order_with_absolute_urls(news_data):
    assert news_data["author"] == [
        {"@type": "Person", "name": "Zoe Last", "url": f"{SITE_URL}/author/zoe-last/"},
        {
            "@type": "Person",
            "name": "Ada First",
            "url": f"{SITE_URL}/author/ada-first/",
        },
    ]


def test_publisher_is_the_outlet_with_its_logo(news_data):
    publisher = news_data["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "Claude News"
    assert publisher["url"] == SITE_URL + "/"
    assert publisher["logo"] == {
        "@type": "ImageObject",
        "url": f"{SITE_URL}/static/img/logo.png",
    }


def test_page_facts_are_stated(news_data, article):
    assert news_data["mainEntityOfPage"] == {
        "@type": "WebPage",
        "@id": SITE_URL + article.get_absolute_url(),
    }
    assert news_data["isAccessibleForFree"] is True
    assert news_data["inLanguage"] == django_settings.LANGUAGE_CODE
    assert news_data["articleSection"] == "Science"
    assert sorted(news_data["keywords"]) == ["maps", "research"]


def test_images_are_the_heros_social_crop_and_largest_rendition(client):
    hero = make_image(alt_text="A map")
    article = make_article(hero=hero)
    data = page_of(client, article).of_type("NewsArticle")
    assert data["image"] == [
        SITE_URL + hero.social["url"],
        SITE_URL + hero.largest["url"],
    ]


def test_image_is_the_default_without_a_hero(news_data):
    assert news_data["image"] == [f"{SITE_URL}/static/img/social-default.png"]


def test_draft_preview_has_no_publication_date(editor_client):
    draft = make_article(status="draft")
    data = page_of(editor_client, draft).of_type("NewsArticle")
    assert "datePublished" not in data
    assert data["dateModified"]


def test_breadcrumb_list_is_home_section_article(client, article):
    crumbs = page_of(client, article).of_type("BreadcrumbList")["itemListElement"]
    assert crumbs == [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": SITE_URL + "/"},
        {
            "@type": "ListItem",
            "position": 2,
            "name": "Science",
            "item": SITE_URL + article.section.get_absolute_url(),
        },
        {
            "@type": "ListItem",
            "position": 3,
            "name": "Claude reads maps",
            "item": SITE_URL + article.get_absolute_url(),
        },
    ]


def test_visible_breadcrumbs_match_the_breadcrumb_list(client, article):
    page = page_of(client, article)
    declared = page.of_type("BreadcrumbList")["itemListElement"]
    assert [(SITE_URL + c["href"], c["text"]) for c in page.crumbs] == [
        (item["item"], item["name"]) for item in declared
    ]


def test_only_the_last_breadcrumb_is_the_current_page(client, article):
    page = page_of(client, article)
    assert [crumb["current"] for crumb in page.crumbs] == [None, None, "page"]


def test_hostile_title_cannot_leave_the_script_element(client):
    article = make_article(title=HOSTILE_TITLE, slug="hostile")
    content = client.get(article.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in content
    assert "<!-- bye" not in content
    page = ArticlePage(content)
    assert page.of_type("NewsArticle")["headline"] == HOSTILE_TITLE
    assert page.of_type("BreadcrumbList")["itemListElement"][2]["name"] == (
        HOSTILE_TITLE
    )
