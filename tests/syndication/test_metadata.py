"""Every page tells search engines and link previews what it is, with SITE_URL-based URLs."""

from datetime import datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from PIL import Image

from siteconfig.models import SiteSettings
from tests.factories import make_article, make_image, make_image_file, make_section
from tests.page import Head

pytestmark = pytest.mark.django_db

SITE_URL = "https://news.example"
STATIC_IMG = Path(django_settings.BASE_DIR, "static", "img")


def head_of(client, url, status=200, **extra) -> Head:
    response = client.get(url, **extra)
    assert response.status_code == status
    return Head(response.content.decode())


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture
def article():
    return make_article(
        title="Claude reads maps",
        section=make_section(name="Science"),
        tags=["maps", "research"],
    )


def page_paths(article):
    return {
        "home": reverse("articles:index"),
        "article": article.get_absolute_url(),
        "section": article.section.get_absolute_url(),
        "tag": reverse("articles:tag", args=["maps"]),
        "author": article.byline_authors[0].get_absolute_url(),
        "news": reverse("articles:news"),
        "faq": reverse("faq:index"),
    }


PAGES = ["home", "article", "section", "tag", "author", "news", "faq"]


@pytest.mark.parametrize("page", PAGES)
def test_canonical_is_site_url_plus_the_page_path(client, article, page):
    path = page_paths(article)[page]
    head = head_of(client, path)
    assert head.canonical == SITE_URL + path


@pytest.mark.parametrize("page", PAGES)
def test_og_url_is_the_canonical(client, article, page):
    head = head_of(client, page_paths(article)[page])
    assert head.one("og:url") == head.canonical


@pytest.mark.parametrize("page", PAGES)
def test_og_image_is_absolute_on_site_url(client, article, page):
    head = head_of(client, page_paths(article)[page])
    assert head.one("og:image").startswith(SITE_URL + "/")
    assert head.one("twitter:image") == head.one("og:image")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_title_description_and_social_tags(client, article, page):
    head = head_of(client, page_paths(article)[page])
    assert head.one("og:title")
    assert head.one("og:description") == head.one("description")
    assert head.one("og:site_name") == "Claude News"
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("twitter:title") == head.one("og:title")
    assert head.one("twitter:description") == head.one("description")


@pytest.mark.parametrize("page", [*PAGES, "404"])
def test_html_lang_is_the_active_language(client, article, page):
    url = "/no-such-page/" if page == "404" else page_paths(article)[page]
    head = head_of(client, url, status=404 if page == "404" else 200)
    assert head.lang == django_settings.LANGUAGE_CODE


@pytest.mark.parametrize("page", [p for p in PAGES if p != "article"])
def test_og_type_is_website_off_article_pages(client, article, page):
    head = head_of(client, page_paths(article)[page])
    assert head.one("og:type") == "website"


def test_og_type_is_article_on_article_pages(client, article):
    head = head_of(client, article.get_absolute_url())
    assert head.one("og:type") == "article"


def test_article_og_title_is_the_headline(client, article):
    head = head_of(client, article.get_absolute_url())
    assert head.one("og:title") == "Claude reads maps"


def test_missing_page_has_no_canonical_or_og_url(client):
    # A 404 has no address of its own to claim; crawlers drop it anyway.
    head = head_of(client, "/no-such-page/", status=404)
    assert head.canonical is None
    assert "og:url" not in head.meta


def test_missing_article_has_no_canonical(client):
    head = head_of(client, "/articles/no-such-article/", status=404)
    assert head.canonical is None


def test_spoofed_host_does_not_change_absolute_urls(client, settings, article):
    settings.ALLOWED_HOSTS = ["*"]
    response = client.get(article.get_absolute_url(), HTTP_HOST="evil.example")
    head = Head(response.content.decode())
    assert head.canonical == SITE_URL + article.get_absolute_url()
    assert head.one("og:url") == head.canonical
    assert head.one("og:image").startswith(SITE_URL + "/")
    assert "evil.example" not in response.content.decode()


@pytest.fixture
def two_pages_of_news():
    section = make_section()
    for _ in range(21):
        make_article(section=section)
    return section


def test_later_list_page_keeps_its_page_number(client, two_pages_of_news):
    head = head_of(client, reverse("articles:index") + "?page=2")
    assert head.canonical == SITE_URL + "/?page=2"


def test_first_list_page_drops_the_page_number(client, two_pages_of_news):
    head = head_of(client, reverse("articles:index") + "?page=1")
    assert head.canonical == SITE_URL + "/"


def test_canonical_drops_other_query_parameters(client, two_pages_of_news):
    section_url = two_pages_of_news.get_absolute_url()
    head = head_of(client, section_url + "?utm_source=x&page=2&ref=y")
    assert head.canonical == f"{SITE_URL}{section_url}?page=2"


def test_og_image_is_the_hero_social_crop_when_there_is_one(client):
    hero = make_image(file=make_image_file(size=(800, 450)), alt_text="A map on a desk")
    article = make_article(hero=hero)
    head = head_of(client, article.get_absolute_url())
    assert head.one("og:image") == SITE_URL + hero.social["url"]
    assert head.one("og:image:width") == "1200"
    assert head.one("og:image:height") == "630"
    assert head.one("og:image:alt") == "A map on a desk"


def test_og_image_is_the_default_image_without_a_hero(client, article):
    head = head_of(client, article.get_absolute_url())
    assert head.one("og:image") == f"{SITE_URL}/static/img/social-default.png"
    assert head.one("og:image:width") == "1200"
    assert head.one("og:image:height") == "630"
    assert head.one("og:image:alt")


def test_title_with_quotes_and_tags_is_escaped_in_meta_attributes(client):
    title = 'Claude says "hello" & <b>waves</b>'
    article = make_article(title=title, slug="quotes", meta_description=title)
    content = client.get(article.get_absolute_url()).content.decode()
    head = Head(content)
    assert head.one("og:title") == title
    assert head.one("twitter:title") == title
    assert head.one("description") == title
    assert "<b>waves</b>" not in content
    assert '"hello"' not in content


def test_article_times_carry_their_offset_and_match_the_model(client, article):
    article.refresh_from_db()
    head = head_of(client, article.get_absolute_url())
    published = datetime.fromisoformat(head.one("article:published_time"))
    modified = datetime.fromisoformat(head.one("article:modified_time"))
    assert published.tzinfo is not None
    assert modified.tzinfo is not None
    assert published == article.published_at
    assert modified == article.modified_at  # The last update note, else publication.


def test_article_section_and_tags_are_in_article_meta(client, article):
    head = head_of(client, article.get_absolute_url())
    assert head.one("article:section") == "Science"
    assert sorted(head.meta["article:tag"]) == ["maps", "research"]


def test_home_page_describes_the_website(client):
    head = head_of(client, reverse("articles:index"))
    website = head.of_type("WebSite")
    assert website["name"] == "Claude News"
    assert website["url"] == SITE_URL + "/"
    assert website["inLanguage"] == head.lang
    assert website["publisher"] == {"@id": SITE_URL + "/#organization"}


def test_home_page_describes_the_outlet(client):
    SiteSettings(site_name="Claude News", tagline="Independent & curious.").save()
    head = head_of(client, reverse("articles:index"))
    organization = head.of_type("NewsMediaOrganization")
    assert organization["@id"] == SITE_URL + "/#organization"
    assert organization["name"] == "Claude News"
    assert organization["url"] == SITE_URL + "/"
    assert organization["description"] == "Independent & curious."
    assert organization["logo"] == {
        "@type": "ImageObject",
        "url": SITE_URL + "/static/img/logo.png",
    }


@pytest.mark.parametrize(
    ("name", "size"), [("social-default.png", (1200, 630)), ("logo.png", (512, 512))]
)
def test_shipped_images_have_their_size_and_stay_small(name, size):
    path = STATIC_IMG / name
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == size
    assert path.stat().st_size < 60_000
