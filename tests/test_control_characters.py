"""Control characters pasted from Word (\\x0b line break, \\x0c page break) never
reach stored text or the XML we serve."""

import re
from xml.etree import ElementTree

import feedparser
import pytest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Author, Section
from corrections.models import Note
from faq.models import Entry, Topic
from siteconfig.models import SiteSettings
from tests.admin_form import post_change_form
from tests.factories import make_article, make_author, make_entry, make_image

pytestmark = pytest.mark.django_db

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
LINE_BREAK = re.compile("[\x00-\x1f]")


def assert_clean(value: str, *, multiline: bool) -> None:
    assert not (CONTROL if multiline else LINE_BREAK).search(value), repr(value)


def test_article_admin_stores_clean_text(editor_client):
    article = make_article()

    response = post_change_form(
        editor_client,
        article,
        title="Line one\x0bline two\x0c",
        summary="First\x0bsecond\x0cthird",
        meta_description="Meta\x0bdescription",
        tags="Zürich\x0bCity, naïve\x0c",
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Line one line two"
    assert article.summary == "First\nsecond\nthird"
    assert article.meta_description == "Meta description"
    for tag in Tag.objects.all():
        assert_clean(tag.name, multiline=False)
        assert_clean(tag.slug, multiline=False)


@pytest.mark.parametrize(
    ("model", "data", "single", "multi"),
    [
        ("section", {"order": 0, "description": "A\x0bB"}, "name", "description"),
        ("author", {"bio": "A\x0cB"}, "name", "bio"),
    ],
)
def test_section_and_author_admin_store_clean_text(
    editor_client, model, data, single, multi
):
    url = reverse(f"admin:articles_{model}_add")

    response = editor_client.post(
        url, {single: "Name\x0bpasted", "slug": "named", **data}
    )

    assert response.status_code == 302
    row = {"section": Section, "author": Author}[model].objects.get(slug="named")
    assert getattr(row, single) == "Name pasted"
    assert getattr(row, multi) == "A\nB"


def test_every_model_saved_in_the_shell_stores_clean_text():
    """The same hook covers imports and the shell: save() without any form."""
    site = SiteSettings.objects.create(
        site_name="Claude\x0bNews", tagline="Tag\x0cline", disclaimer="One\x0btwo"
    )
    topic = Topic.objects.create(name="Topic\x0b", slug="topic")
    entry = make_entry(question="Why\x0b?", answer="<p>Because\x0c</p>", topic=topic)
    note = Note.objects.create(article=make_article(), text="Fixed\x0bit")
    image = make_image(alt_text="Alt\x0btext", caption="Cap\x0ction")
    tag = Tag.objects.create(name="Tag\x0bname")

    for row, single, multi in [
        (site, ["site_name", "tagline"], ["disclaimer"]),
        (Topic.objects.get(pk=topic.pk), ["name"], []),
        (Entry.objects.get(pk=entry.pk), ["question"], ["answer", "answer_html"]),
        (Note.objects.get(pk=note.pk), [], ["text"]),
        (image.__class__.objects.get(pk=image.pk), ["alt_text"], ["caption"]),
        (Tag.objects.get(pk=tag.pk), ["name", "slug"], []),
    ]:
        row.refresh_from_db()
        for field in single:
            assert_clean(getattr(row, field), multiline=False)
        for field in multi:
            assert_clean(getattr(row, field), multiline=True)
    assert SiteSettings.objects.get().site_name == "Claude News"


@pytest.fixture
def dirty_rows(settings):
    """Published content whose text got control characters around save()."""
    settings.SITE_URL = "https://news.example"
    article = make_article(tags=["Tagged"], authors=[make_author(name="Ada")])
    SiteSettings.objects.create()
    Article.objects.update(
        title="Title\x0bbreak\x0c",
        summary="Summary\x0b",
        meta_description="",
        body="<p>Body\x0bbreak</p>",
        body_html="<p>Body\x0bbreak</p>",
    )
    Section.objects.update(name="Section\x0c", description="About\x0b")
    Author.objects.update(name="Ada\x0bLovelace")
    Tag.objects.update(name="Tagged\x0c")
    SiteSettings.objects.update(
        site_name="Claude\x0bNews", tagline="Tag\x0bline", disclaimer="Dis\x0cclaimer"
    )
    return article


def feed_urls(article) -> list[str]:
    section, author = article.section, article.bylines.get().author
    tag = article.tags.get()
    urls = [reverse(f"syndication:feed_{fmt}") for fmt in ("rss", "atom")]
    for prefix, slug in [("section", section.slug), ("tag", tag.slug)]:
        urls += [
            reverse(f"syndication:{prefix}_{fmt}", args=[slug])
            for fmt in ("rss", "atom")
        ]
    urls += [
        reverse(f"syndication:author_{fmt}", args=[author.slug])
        for fmt in ("rss", "atom")
    ]
    return urls


def test_feeds_stay_valid_xml_with_control_characters_stored(client, dirty_rows):
    for url in feed_urls(dirty_rows):
        response = client.get(url)

        assert response.status_code == 200, url
        ElementTree.fromstring(response.content)
        feed = feedparser.parse(response.content)
        assert not feed.bozo, url
        assert feed.entries[0].title == "Titlebreak"


def test_json_feed_keeps_working_with_control_characters_stored(client, dirty_rows):
    response = client.get(reverse("syndication:feed_json"))

    assert response.status_code == 200
    assert response.json()["items"][0]["url"].endswith(dirty_rows.get_absolute_url())


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap.xml",
        "/sitemap-news.xml",
        *(
            f"/sitemap-{name}.xml"
            for name in ("pages", "articles", "sections", "tags", "authors")
        ),
    ],
)
def test_sitemaps_stay_valid_xml_with_control_characters_stored(
    client, dirty_rows, url
):
    response = client.get(url)

    assert response.status_code == 200
    ElementTree.fromstring(response.content)


def test_same_pasted_tag_on_two_articles_is_one_tag(editor_client):
    first, second = make_article(), make_article()

    for article in (first, second):
        response = post_change_form(editor_client, article, tags="Zürich\x0bCity")
        assert response.status_code == 302

    assert list(Tag.objects.values_list("name", flat=True)) == ["Zürich City"]
    assert set(second.tags.names()) == {"Zürich City"}
