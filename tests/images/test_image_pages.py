"""Pages show library images as <picture>s sized in advance; link previews get the crop."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_image, make_image_file, make_section
from tests.page import Head, count_queries

pytestmark = pytest.mark.django_db

SITE_URL = "https://news.example"
WIDTHS = ["480w", "800w", "1200w", "1600w"]


class Pictures(Head):
    """Each <picture> of a page, its <source>s and <img>, and what holds it."""

    def __init__(self, content: str):
        self.pictures: list[dict] = []
        self._classes: list[str] = []
        super().__init__(content)

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        attrs = dict(attrs)
        if tag in ("figure", "a"):
            self._classes.append(attrs.get("class") or "")
        elif tag == "picture":
            holder = self._classes[-1] if self._classes else ""
            self.pictures.append({"in": holder, "sources": [], "img": None})
        elif tag == "source" and self.pictures:
            self.pictures[-1]["sources"].append(attrs)
        elif tag == "img" and self.pictures and self.pictures[-1]["img"] is None:
            self.pictures[-1]["img"] = attrs

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag in ("figure", "a") and self._classes:
            self._classes.pop()

    def in_holder(self, css_class: str) -> list[dict]:
        return [p for p in self.pictures if css_class in p["in"].split()]


def srcset_widths(srcset: str) -> list[str]:
    return [candidate.split()[1] for candidate in srcset.split(", ")]


def page(client, url) -> Pictures:
    response = client.get(url)
    assert response.status_code == 200
    return Pictures(response.content.decode())


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture
def hero():
    return make_image(
        file=make_image_file(size=(2000, 1000)),
        alt_text="A lighthouse on a rock at dusk",
        caption="The Fastnet light.",
        credit="Photo: Jane Doe",
    )


@pytest.fixture
def article(hero):
    return make_article(title="Claude reads lighthouses", hero=hero)


@pytest.fixture
def hero_picture(client, article) -> dict:
    [picture] = page(client, article.get_absolute_url()).in_holder("article__hero")
    return picture


# The article's hero


def test_hero_offers_webp_in_every_width(hero_picture):
    [source] = hero_picture["sources"]
    assert source["type"] == "image/webp"
    assert srcset_widths(source["srcset"]) == WIDTHS
    assert source["sizes"]


def test_hero_falls_back_to_jpeg_in_every_width(hero_picture):
    img = hero_picture["img"]
    assert srcset_widths(img["srcset"]) == WIDTHS
    assert img["src"].endswith(".jpg")
    assert img["sizes"] == hero_picture["sources"][0]["sizes"]


def test_hero_reserves_its_space_with_width_and_height(hero_picture):
    img = hero_picture["img"]
    assert (img["width"], img["height"]) == ("800", "400")


def test_hero_loads_first(hero_picture):
    assert hero_picture["img"]["fetchpriority"] == "high"
    assert "loading" not in hero_picture["img"]


def test_hero_alt_caption_and_credit_come_from_the_library(client, article):
    content = client.get(article.get_absolute_url()).content.decode()
    [picture] = Pictures(content).in_holder("article__hero")
    assert picture["img"]["alt"] == "A lighthouse on a rock at dusk"
    assert "The Fastnet light." in content
    assert '<span class="credit">Photo: Jane Doe</span>' in content


def test_article_without_hero_has_no_picture(client):
    article = make_article()
    assert page(client, article.get_absolute_url()).in_holder("article__hero") == []


# Cards


def test_cards_show_the_hero_as_a_picture_with_empty_alt(client, article):
    [picture] = page(client, reverse("articles:index")).in_holder("card__image")
    assert picture["sources"][0]["type"] == "image/webp"
    assert srcset_widths(picture["img"]["srcset"]) == WIDTHS
    assert picture["img"]["alt"] == ""  # The headline next to it says it all.
    assert (picture["img"]["width"], picture["img"]["height"]) == ("800", "400")


def test_only_cards_after_the_third_load_lazily(client, hero):
    section = make_section()
    for _ in range(5):
        make_article(section=section, hero=hero)

    pictures = page(client, section.get_absolute_url()).in_holder("card__image")

    assert [p["img"].get("loading") for p in pictures] == [
        None,
        None,
        None,
        "lazy",
        "lazy",
    ]


def test_first_card_is_two_columns_wide_so_asks_for_a_wider_image(client, hero):
    section = make_section()
    for _ in range(2):
        make_article(section=section, hero=hero)

    first, second = page(client, section.get_absolute_url()).in_holder("card__image")

    assert first["img"]["sizes"].startswith("(min-width: 66rem) 46rem")
    assert second["img"]["sizes"].startswith("(min-width: 66rem) 22rem")
    assert first["sources"][0]["sizes"] == first["img"]["sizes"]


# Link previews and search engines


def test_og_image_is_the_social_crop(client, article, hero):
    meta = page(client, article.get_absolute_url()).one
    assert meta("og:image") == SITE_URL + hero.social["url"]
    assert "social" in meta("og:image")
    assert (meta("og:image:width"), meta("og:image:height")) == ("1200", "630")
    assert meta("og:image:alt") == "A lighthouse on a rock at dusk"
    assert meta("twitter:image") == meta("og:image")


def test_jsonld_images_are_the_social_crop_and_the_largest_rendition(
    client, article, hero
):
    data = page(client, article.get_absolute_url()).of_type("NewsArticle")
    assert data["image"] == [
        SITE_URL + hero.social["url"],
        SITE_URL + hero.largest["url"],
    ]
    assert hero.largest["width"] == 1600


# Queries


def test_list_page_reads_no_row_per_hero(client):
    small, big = make_section(), make_section()
    make_article(section=small)
    for _ in range(12):
        make_article(section=big, hero=make_image())

    assert count_queries(client, big.get_absolute_url()) == count_queries(
        client, small.get_absolute_url()
    )


def test_article_page_reads_the_hero_with_the_article(client, article):
    without_hero = make_article()

    assert count_queries(client, article.get_absolute_url()) == count_queries(
        client, without_hero.get_absolute_url()
    )
