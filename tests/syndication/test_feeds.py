"""RSS, Atom and JSON feeds: what a feed reader sees, parsed as readers parse it."""

import json
from datetime import UTC, datetime, timedelta
from html import unescape
from html.parser import HTMLParser

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from corrections.models import Kind as NoteKind, Note
from siteconfig.models import SiteSettings
from tests.articles.test_query_counts import MAX_QUERIES, fill
from tests.factories import make_article, make_author, make_image, make_section
from tests.page import count_queries

pytestmark = pytest.mark.django_db

SITE_URL = "https://news.example"
DISCLAIMER = "Claude News is independent: not affiliated with Anthropic."
# Each kind of feed: its URL name, and the subject whose slug the URL takes.
FEEDS = {
    "site rss": ("syndication:feed_rss", None),
    "site atom": ("syndication:feed_atom", None),
    "section rss": ("syndication:section_rss", "section"),
    "section atom": ("syndication:section_atom", "section"),
    "tag rss": ("syndication:tag_rss", "tag"),
    "tag atom": ("syndication:tag_atom", "tag"),
    "author rss": ("syndication:author_rss", "author"),
    "author atom": ("syndication:author_atom", "author"),
}
RSS_AND_ATOM = ["site rss", "site atom"]


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture
def disclaimer():
    SiteSettings.objects.create(disclaimer=DISCLAIMER)
    return DISCLAIMER


@pytest.fixture
def science():
    return make_section(name="Science")


@pytest.fixture
def ada():
    return make_author(name="Ada Lovelace")


def minutes_ago(minutes: int) -> datetime:
    return timezone.now() - timedelta(minutes=minutes)


def publish(section, author, **fields):
    """An article in section, by author (first), tagged "maps"."""
    fields.setdefault("authors", [author])
    fields.setdefault("tags", ["maps"])
    return make_article(section=section, **fields)


def feed_url(feed: str, section, author) -> str:
    name, subject = FEEDS[feed]
    slug = {"section": section.slug, "tag": "maps", "author": author.slug}
    return reverse(name, args=[slug[subject]] if subject else [])


def parse(client, url: str):
    """The feed as a reader parses it; relative URLs are left as we sent them."""
    response = client.get(url)
    assert response.status_code == 200
    return feedparser.parse(response.content, resolve_relative_uris=False)


def read(client, feed: str, section, author):
    return parse(client, feed_url(feed, section, author))


def json_feed(client) -> dict:
    return json.loads(client.get(reverse("syndication:feed_json")).content)


def as_utc(parsed_time) -> datetime:
    return datetime(*parsed_time[:6], tzinfo=UTC)


def to_the_second(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


# Validity


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_is_well_formed(client, science, ada, feed):
    publish(science, ada)
    parsed = read(client, feed, science, ada)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if feed.endswith("rss") else "atom10")
    assert len(parsed.entries) == 1


@pytest.mark.parametrize(
    ("feed", "content_type"),
    [
        ("feed_rss", "application/rss+xml"),
        ("feed_atom", "application/atom+xml"),
        ("feed_json", "application/feed+json"),
    ],
)
def test_site_feed_has_its_content_type(client, feed, content_type):
    response = client.get(reverse(f"syndication:{feed}"))
    assert response["Content-Type"].split(";")[0] == content_type


@pytest.mark.parametrize(
    "url", ["/section/nope/rss/", "/tag/nope/atom/", "/author/nope/rss/"]
)
def test_feed_of_unknown_subject_is_not_found(client, url):
    assert client.get(url).status_code == 404


# Entries


@pytest.mark.parametrize("feed", FEEDS)
def test_entries_are_newest_first_with_absolute_links(client, science, ada, feed):
    older = publish(science, ada, title="Older", published_at=minutes_ago(30))
    newer = publish(science, ada, title="Newer", published_at=minutes_ago(10))
    entries = read(client, feed, science, ada).entries
    assert [entry.title for entry in entries] == ["Newer", "Older"]
    assert [entry.link for entry in entries] == [
        SITE_URL + newer.get_absolute_url(),
        SITE_URL + older.get_absolute_url(),
    ]


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_holds_the_twenty_newest(client, science, ada, feed):
    for minutes in range(21, 0, -1):
        publish(
            science, ada, title=f"Minute {minutes}", published_at=minutes_ago(minutes)
        )
    entries = read(client, feed, science, ada).entries
    assert len(entries) == 20
    assert "Minute 21" not in [entry.title for entry in entries]


@pytest.mark.parametrize("feed", ["section rss", "tag atom", "author rss"])
def test_subject_feed_holds_only_the_subjects_articles(client, science, ada, feed):
    publish(science, ada, title="Mine")
    make_article(title="Elsewhere", tags=["other"])
    titles = [entry.title for entry in read(client, feed, science, ada).entries]
    assert titles == ["Mine"]


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_title_is_plain_text(client, science, ada, feed):
    publish(science, ada, title="Q&A: why <thinking> matters")
    [entry] = read(client, feed, science, ada).entries
    assert entry.title == "Q&A: why <thinking> matters"


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_summary_is_the_plain_description(client, science, ada, feed):
    publish(science, ada, meta_description="Why <thinking> tags help & how.")
    [entry] = read(client, feed, science, ada).entries
    # Summaries are HTML to readers: the text arrives escaped, and reads as written.
    assert unescape(entry.summary) == "Why <thinking> tags help & how."


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_entry_id_survives_a_new_slug(client, science, ada, feed):
    article = publish(science, ada)
    [before] = read(client, feed, science, ada).entries
    article.slug = "a-new-address"
    article.save()
    [after] = read(client, feed, science, ada).entries
    assert after.link.endswith("/a-new-address/")
    assert after.id == before.id


def test_links_ignore_the_request_host(client, settings, science, ada):
    settings.ALLOWED_HOSTS = ["*"]
    publish(science, ada, hero=make_image())
    for feed in [*FEEDS, "json"]:
        url = reverse("syndication:feed_json") if feed == "json" else None
        response = client.get(
            url or feed_url(feed, science, ada), HTTP_HOST="evil.example"
        )
        assert b"evil.example" not in response.content, feed


# Publication


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_drafts_are_not_in_feeds(client, science, ada, feed):
    publish(science, ada, title="Draft", status=Status.DRAFT)
    assert read(client, feed, science, ada).entries == []


@pytest.mark.parametrize("feed", FEEDS)
def test_scheduled_article_appears_when_its_time_comes(client, science, ada, feed):
    article = publish(
        science, ada, title="Tomorrow", published_at=timezone.now() + timedelta(days=1)
    )
    assert read(client, feed, science, ada).entries == []

    Article.objects.filter(pk=article.pk).update(published_at=minutes_ago(1))
    assert [entry.title for entry in read(client, feed, science, ada).entries] == [
        "Tomorrow"
    ]


# Dates


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_dates_are_the_articles(client, science, ada, feed):
    article = publish(science, ada, published_at=minutes_ago(90))
    [entry] = read(client, feed, science, ada).entries
    assert as_utc(entry.published_parsed) == to_the_second(article.published_at)
    assert as_utc(entry.updated_parsed) == to_the_second(article.published_at)


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_correction_note_moves_the_updated_date(client, science, ada, feed):
    article = publish(science, ada, published_at=minutes_ago(90))
    corrected_at = minutes_ago(5)
    Note.objects.create(
        article=article,
        kind=NoteKind.CORRECTION,
        created_at=corrected_at,
        text="Fixed.",
    )
    [entry] = read(client, feed, science, ada).entries
    assert as_utc(entry.updated_parsed) == to_the_second(corrected_at)
    assert as_utc(entry.published_parsed) == to_the_second(article.published_at)


# Authors and categories


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_every_author_in_byline_order(client, science, ada, feed):
    zoe = make_author(name="Zoe Zimmer")
    publish(science, ada, authors=[zoe, ada])
    [entry] = read(client, feed, science, ada).entries
    assert [author["name"] for author in entry.authors] == [
        "Zoe Zimmer",
        "Ada Lovelace",
    ]


def test_atom_authors_link_to_their_pages(client, science, ada):
    publish(science, ada)
    [entry] = read(client, "site atom", science, ada).entries
    assert [author["href"] for author in entry.authors] == [
        SITE_URL + ada.get_absolute_url()
    ]


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_categories_are_section_and_tags(client, science, ada, feed):
    publish(science, ada, tags=["research", "maps"])
    [entry] = read(client, feed, science, ada).entries
    assert [tag.term for tag in entry.tags] == ["Science", "maps", "research"]


# Body


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_full_body_is_in_the_entry(client, science, ada, feed):
    publish(science, ada, body="<p>Claude <strong>reads</strong> maps.</p>")
    [entry] = read(client, feed, science, ada).entries
    assert "Claude <strong>reads</strong> maps." in entry.content[0].value


@pytest.mark.parametrize("feed", [*FEEDS, "json"])
def test_script_in_a_body_never_reaches_a_feed(client, science, ada, feed):
    publish(science, ada, body='<p>Hi</p><script>alert("x")</script>')
    url = reverse("syndication:feed_json") if feed == "json" else None
    content = client.get(url or feed_url(feed, science, ada)).content.decode()
    assert "<script" not in content
    assert "&lt;script" not in content


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_links_and_images_in_the_body_are_absolute(client, science, ada, feed):
    article = publish(
        science,
        ada,
        body=(
            '<p><a href="/articles/other/">Other</a> <a href="#maps">Maps</a>'
            '<img src="/media/maps.jpg" alt="A map"></p><p>Code: <code>'
            '&lt;img src="/keep.png"&gt;</code></p>'
        ),
    )
    [entry] = read(client, feed, science, ada).entries
    body = entry.content[0].value
    assert f'href="{SITE_URL}/articles/other/"' in body
    assert f'href="{SITE_URL}{article.get_absolute_url()}#maps"' in body
    assert f'src="{SITE_URL}/media/maps.jpg"' in body
    assert 'src="/keep.png"' in body  # Text that shows HTML is left alone.


# Hero image


def largest_jpeg(image) -> dict:
    return [r for r in image.renditions["responsive"] if r["format"] == "JPEG"][-1]


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_hero_is_the_enclosure(client, science, ada, feed):
    hero = make_image()
    publish(science, ada, hero=hero)
    [entry] = read(client, feed, science, ada).entries
    [enclosure] = entry.enclosures
    rendition = largest_jpeg(hero)
    assert enclosure.href == SITE_URL + hero.file.storage.url(rendition["path"])
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == rendition["bytes"]


@pytest.mark.parametrize("feed", RSS_AND_ATOM)
def test_article_without_hero_has_no_enclosure(client, science, ada, feed):
    publish(science, ada)
    [entry] = read(client, feed, science, ada).entries
    assert entry.enclosures == []


# Feed metadata


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_description_carries_the_disclaimer(
    client, science, ada, disclaimer, feed
):
    publish(science, ada)
    parsed = read(client, feed, science, ada)
    description = parsed.feed.subtitle  # RSS description and Atom subtitle alike.
    assert disclaimer in description


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_links_are_absolute(client, science, ada, feed):
    publish(science, ada)
    url = feed_url(feed, science, ada)
    parsed = read(client, feed, science, ada)
    page = {
        "site": "/",
        "section": science.get_absolute_url(),
        "tag": reverse("articles:tag", args=["maps"]),
        "author": ada.get_absolute_url(),
    }[feed.split()[0]]
    assert parsed.feed.link == SITE_URL + page
    [self_link] = [link for link in parsed.feed.links if link.rel == "self"]
    assert self_link.href == SITE_URL + url


def test_subject_feed_is_titled_after_its_page(client, science, ada):
    parsed = read(client, "section rss", science, ada)
    assert parsed.feed.title == "Science – Claude News"


# JSON Feed


def test_json_feed_is_version_1_1(client, disclaimer):
    feed = json_feed(client)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Claude News"
    assert feed["home_page_url"] == SITE_URL + "/"
    assert feed["feed_url"] == SITE_URL + reverse("syndication:feed_json")
    assert disclaimer in feed["description"]


def test_json_feed_item_has_what_readers_need(client, science, ada):
    zoe = make_author(name="Zoe Zimmer")
    hero = make_image()
    article = publish(
        science,
        ada,
        authors=[zoe, ada],
        tags=["maps"],
        hero=hero,
        body="<p>Claude <strong>reads</strong> maps.</p><script>x()</script>",
    )
    [item] = json_feed(client)["items"]
    assert item["url"] == SITE_URL + article.get_absolute_url()
    assert item["id"]
    assert item["title"] == article.title
    assert item["content_html"] == "<p>Claude <strong>reads</strong> maps.</p>x()"
    assert item["summary"] == article.description
    assert item["date_published"] == article.published_at.isoformat()
    assert item["date_modified"] == article.published_at.isoformat()
    assert item["authors"] == [
        {"name": "Zoe Zimmer", "url": SITE_URL + zoe.get_absolute_url()},
        {"name": "Ada Lovelace", "url": SITE_URL + ada.get_absolute_url()},
    ]
    assert item["tags"] == ["Science", "maps"]
    assert item["image"] == SITE_URL + hero.file.storage.url(largest_jpeg(hero)["path"])
    assert item["banner_image"] == SITE_URL + hero.social["url"]


def test_json_feed_date_modified_follows_a_correction(client, science, ada):
    article = publish(science, ada, published_at=minutes_ago(90))
    corrected_at = minutes_ago(5)
    Note.objects.create(
        article=article, kind=NoteKind.UPDATE, created_at=corrected_at, text="News."
    )
    [item] = json_feed(client)["items"]
    assert item["date_modified"] == corrected_at.isoformat()


def test_json_feed_items_are_published_newest_first(client, science, ada):
    publish(science, ada, title="Older", published_at=minutes_ago(30))
    publish(science, ada, title="Newer", published_at=minutes_ago(10))
    publish(science, ada, title="Draft", status=Status.DRAFT)
    publish(
        science, ada, title="Later", published_at=timezone.now() + timedelta(hours=1)
    )
    assert [item["title"] for item in json_feed(client)["items"]] == ["Newer", "Older"]


# Discovery: <link rel="alternate"> in every page's <head>


class AlternateLinks(HTMLParser):
    """The (type, title, href) of each <link rel="alternate"> in a page."""

    def __init__(self, content: str):
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.feed(content)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.links.append((attrs["type"], attrs["title"], attrs["href"]))


SITE_FEEDS = [
    ("application/rss+xml", "Claude News (RSS)", f"{SITE_URL}/feeds/rss/"),
    ("application/atom+xml", "Claude News (Atom)", f"{SITE_URL}/feeds/atom/"),
    ("application/feed+json", "Claude News (JSON Feed)", f"{SITE_URL}/feeds/json/"),
]


def alternate_links(client, url) -> list[tuple[str, str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    return AlternateLinks(response.content.decode()).links


@pytest.mark.parametrize("page", ["home", "news", "article", "faq"])
def test_page_advertises_the_site_feeds(client, science, ada, page):
    article = publish(science, ada)
    url = {
        "home": reverse("articles:index"),
        "news": reverse("articles:news"),
        "article": article.get_absolute_url(),
        "faq": reverse("faq:index"),
    }[page]
    assert alternate_links(client, url) == SITE_FEEDS


@pytest.mark.parametrize(
    ("page", "title", "path"),
    [
        ("section", "Science – Claude News", "/section/science/"),
        ("tag", "Tagged “maps” – Claude News", "/tag/maps/"),
        ("author", "Ada Lovelace – Claude News", "/author/ada-lovelace/"),
    ],
)
def test_subject_page_advertises_its_feeds_and_the_sites(
    client, science, ada, page, title, path
):
    publish(science, ada)
    assert alternate_links(client, path) == [
        ("application/rss+xml", f"{title} (RSS)", f"{SITE_URL}{path}rss/"),
        ("application/atom+xml", f"{title} (Atom)", f"{SITE_URL}{path}atom/"),
        *SITE_FEEDS,
    ]


def test_navigation_links_to_latest_news(client):
    response = client.get(reverse("articles:index"))
    assert (
        f'<a href="{reverse("articles:news")}">Latest news</a>'
        in (response.content.decode().split("</nav>")[0])
    )


# Queries


@pytest.mark.parametrize(
    "feed", ["site rss", "site atom", "json", "section rss", "tag atom", "author rss"]
)
def test_feed_query_count_is_constant(client, feed):
    def url(section, author):
        name, subject = ({"json": ("syndication:feed_json", None)} | FEEDS)[feed]
        slug = {"section": section.slug, "tag": "common", "author": author.slug}
        return reverse(name, args=[slug[subject]] if subject else [])

    small_section, small_author = make_section(), make_author()
    fill(small_section, small_author, articles=1, extra_authors=0, tags=1)
    for article in Article.objects.all():
        article.hero = make_image()
        article.save()
    small = count_queries(client, url(small_section, small_author))

    big_section, big_author = make_section(), make_author()
    for article in fill(big_section, big_author, articles=20, extra_authors=3, tags=5):
        article.hero = make_image()
        article.save()
    big = count_queries(client, url(big_section, big_author))

    assert small == big
    assert big <= MAX_QUERIES
