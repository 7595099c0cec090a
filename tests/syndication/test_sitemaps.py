"""/sitemap.xml, its section sitemaps and the Google News sitemap."""

from datetime import datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from corrections.models import Note
from siteconfig.models import SiteSettings
from syndication.sitemaps import ArticleSitemap, AuthorSitemap, NewsSitemap, TagSitemap
from tests.factories import (
    make_article,
    make_author,
    make_entry,
    make_image,
    make_section,
)
from tests.page import count_queries

pytestmark = pytest.mark.django_db

SITE_URL = "https://claude-news.example"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
SECTIONS = ["pages", "articles", "sections", "tags", "authors"]


@pytest.fixture(autouse=True)
def _site_url(settings):
    # Unlike the test client's "testserver", so a URL shows where it came from.
    settings.SITE_URL = SITE_URL


@pytest.fixture(autouse=True)
def _one_file_per_kind(monkeypatch):
    # Files hold ranges of primary keys, and PostgreSQL's keys keep growing from
    # test to test: here each kind has one file. test_sitemap_files.py splits them.
    for sitemap in (ArticleSitemap, TagSitemap, AuthorSitemap):
        monkeypatch.setattr(sitemap, "limit", 10**9)


def section_url(section: str) -> str:
    return reverse("syndication:sitemap_section", args=[section])


def fetch(client, url, **extra) -> ElementTree.Element:
    response = client.get(url, **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def index_locs(client) -> list[str]:
    root = fetch(client, reverse("syndication:sitemap"))
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]


def url_locs(client, url) -> list[str]:
    root = fetch(client, url)
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


def entry_for(client, url, page_url) -> ElementTree.Element | None:
    """The <url> element whose <loc> is page_url, or None."""
    for element in fetch(client, url).findall("sm:url", NS):
        if element.findtext("sm:loc", namespaces=NS) == page_url:
            return element
    return None


def absolute(obj) -> str:
    return SITE_URL + obj.get_absolute_url()


def tag_url(slug: str) -> str:
    return SITE_URL + reverse("articles:tag", args=[slug])


def lastmod(client, url, page_url) -> datetime:
    text = entry_for(client, url, page_url).findtext("sm:lastmod", namespaces=NS)
    return datetime.fromisoformat(text)


# The index


def test_index_lists_every_section_and_the_news_sitemap(client):
    assert index_locs(client) == [
        *(SITE_URL + section_url(section) for section in SECTIONS),
        SITE_URL + reverse("syndication:sitemap_news"),
    ]


@pytest.mark.parametrize("section", SECTIONS)
def test_section_sitemap_is_a_urlset(client, section):
    make_article(tags=["claude"])
    root = fetch(client, section_url(section))
    assert root.tag == f"{{{NS['sm']}}}urlset"
    assert root.findall("sm:url", NS)


def test_index_lastmod_is_the_latest_article_change(client):
    make_article(published_at=timezone.now() - timedelta(days=3))
    newest = make_article()
    root = fetch(client, reverse("syndication:sitemap"))
    [articles] = [
        element
        for element in root.findall("sm:sitemap", NS)
        if element.findtext("sm:loc", namespaces=NS).endswith(section_url("articles"))
    ]
    text = articles.findtext("sm:lastmod", namespaces=NS)
    assert datetime.fromisoformat(text) == newest.updated_at


# Static pages


def test_pages_sitemap_lists_home_news_faq_and_corrections(client):
    assert url_locs(client, section_url("pages")) == [
        SITE_URL + reverse(name)
        for name in (
            "articles:index",
            "articles:news",
            "faq:index",
            "corrections:index",
        )
    ]


# Articles


def test_published_article_is_listed(client):
    article = make_article()
    assert url_locs(client, section_url("articles")) == [absolute(article)]


def test_draft_is_absent(client):
    make_article(status=Status.DRAFT)
    assert url_locs(client, section_url("articles")) == []


def test_scheduled_article_appears_when_its_time_comes(client):
    article = make_article(published_at=timezone.now() + timedelta(hours=2))
    assert absolute(article) not in url_locs(client, section_url("articles"))

    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - timedelta(minutes=1)
    )
    assert absolute(article) in url_locs(client, section_url("articles"))


def test_article_lastmod_is_its_last_save(client):
    article = make_article()
    article.title = "Fixed a typo"
    article.save()
    url = section_url("articles")
    assert lastmod(client, url, absolute(article)) == article.updated_at


def test_scheduled_article_lastmod_is_when_it_went_live(client):
    article = make_article(published_at=timezone.now() + timedelta(hours=2))
    went_live = timezone.now()
    Article.objects.filter(pk=article.pk).update(published_at=went_live)
    url = section_url("articles")
    assert lastmod(client, url, absolute(article)) == went_live


def test_correction_note_moves_article_lastmod(client):
    article = make_article()
    note = Note.objects.create(article=article, text="The date was wrong.")
    url = section_url("articles")
    assert lastmod(client, url, absolute(article)) == note.created_at


def test_article_lists_its_heros_largest_rendition(client):
    hero = make_image()
    article = make_article(hero=hero)
    element = entry_for(client, section_url("articles"), absolute(article))
    images = [loc.text for loc in element.findall("image:image/image:loc", NS)]
    assert images == [SITE_URL + hero.largest["url"]]


def test_article_without_hero_has_no_image(client):
    article = make_article()
    element = entry_for(client, section_url("articles"), absolute(article))
    assert element.findall("image:image", NS) == []


# How the files split: test_sitemap_files.py.


def test_articles_sitemap_query_count_is_constant(client):
    section, author, hero = make_section(), make_author(), make_image()

    def add(count):
        for _ in range(count):
            make_article(section=section, authors=[author], hero=hero, tags=["claude"])

    urls = [reverse("syndication:sitemap"), reverse("syndication:sitemap_news")] + [
        section_url(section) for section in SECTIONS
    ]
    add(1)
    small = {url: count_queries(client, url) for url in urls}
    add(29)
    big = {url: count_queries(client, url) for url in urls}
    assert big == small


# Sections, tags and authors


def test_section_with_published_article_is_listed(client):
    article = make_article()
    assert url_locs(client, section_url("sections")) == [absolute(article.section)]


def test_section_with_only_a_scheduled_article_is_absent(client):
    make_article(published_at=timezone.now() + timedelta(hours=2))
    assert url_locs(client, section_url("sections")) == []


def test_listing_lastmod_is_its_newest_articles_publication(client):
    section = make_section()
    make_article(section=section, published_at=timezone.now() - timedelta(days=2))
    newest = make_article(section=section)
    url = section_url("sections")
    assert lastmod(client, url, absolute(section)) == newest.published_at


def test_tag_of_published_article_is_listed(client):
    make_article(tags=["claude-code"])
    assert url_locs(client, section_url("tags")) == [tag_url("claude-code")]


def test_tag_of_draft_only_is_absent(client):
    make_article(status=Status.DRAFT, tags=["secret-plans"])
    assert url_locs(client, section_url("tags")) == []


def test_tag_of_faq_entry_only_is_absent(client):
    make_entry(tags=["faq-only"])
    assert url_locs(client, section_url("tags")) == []


def test_author_with_published_article_is_listed(client):
    author = make_author()
    make_article(authors=[author])
    assert url_locs(client, section_url("authors")) == [absolute(author)]


def test_author_with_only_a_draft_is_absent(client):
    make_article(status=Status.DRAFT, authors=[make_author()])
    make_author()  # No article at all.
    assert url_locs(client, section_url("authors")) == []


# Google News


def news_article(hours_ago: float, **fields):
    return make_article(
        published_at=timezone.now() - timedelta(hours=hours_ago), **fields
    )


@pytest.mark.parametrize(
    ("hours_ago", "listed"),
    [(47, True), (49, False), (-1, False)],
    ids=["47-hours-old", "49-hours-old", "scheduled"],
)
def test_news_sitemap_takes_the_last_two_days(client, hours_ago, listed):
    article = news_article(hours_ago)
    assert (
        absolute(article) in url_locs(client, reverse("syndication:sitemap_news"))
    ) is listed


def test_news_sitemap_leaves_out_drafts(client):
    make_article(status=Status.DRAFT)
    assert url_locs(client, reverse("syndication:sitemap_news")) == []


def test_news_entry_names_publication_date_and_title(client):
    SiteSettings.objects.create(site_name="Claude Weekly")
    article = news_article(1, title="Claude & friends <ship> an update")
    element = entry_for(client, reverse("syndication:sitemap_news"), absolute(article))
    news = element.find("news:news", NS)

    assert news.findtext("news:publication/news:name", namespaces=NS) == (
        "Claude Weekly"
    )
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    published = datetime.fromisoformat(
        news.findtext("news:publication_date", namespaces=NS)
    )
    assert published.tzinfo is not None
    assert published == article.published_at
    assert news.findtext("news:title", namespaces=NS) == (
        "Claude & friends <ship> an update"
    )


def test_news_sitemap_keeps_only_the_newest_up_to_its_limit(client, monkeypatch):
    monkeypatch.setattr(NewsSitemap, "limit", 2)
    news_article(3)
    newer, newest = news_article(2), news_article(1)
    url = reverse("syndication:sitemap_news")

    assert url_locs(client, url) == [absolute(newest), absolute(newer)]
    assert [loc for loc in index_locs(client) if url in loc] == [SITE_URL + url]


# Absolute URLs


def test_spoofed_host_changes_no_url(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    make_article(hero=make_image(), tags=["claude"])
    urls = [reverse("syndication:sitemap"), reverse("syndication:sitemap_news")] + [
        section_url(section) for section in SECTIONS
    ]
    for url in urls:
        response = client.get(url, HTTP_HOST="evil.example")
        root = ElementTree.fromstring(response.content)
        locs = [element.text for element in root.iter() if element.tag.endswith("}loc")]
        assert locs, url
        assert all(loc.startswith(f"{SITE_URL}/") for loc in locs), url
        assert b"evil.example" not in response.content
