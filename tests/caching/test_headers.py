"""Reader pages say shared caches may keep them; staff and private pages say no."""

import pytest
from django.urls import reverse

from corrections.models import Note
from tests.caching.conftest import cache_control
from tests.factories import make_article, make_author, make_entry, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    author = make_author(name="Ada Writer", slug="ada")
    section = make_section(name="Tech", slug="tech")
    article = make_article(
        title="Is Claude secure", section=section, authors=[author], tags=["ai"]
    )
    Note.objects.create(article=article, kind="correction", text="A fix.")
    return article


def reader_pages(article):
    return [
        reverse("articles:index"),
        reverse("articles:index") + "?page=1",
        reverse("articles:news"),
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        reverse("articles:tag", args=["ai"]),
        reverse("articles:author", args=["ada"]),
        reverse("faq:index"),
        reverse("corrections:index"),
        reverse("search:index"),
        reverse("syndication:feed_rss"),
        reverse("syndication:feed_atom"),
        reverse("syndication:feed_json"),
        reverse("syndication:section_rss", args=["tech"]),
        reverse("syndication:tag_atom", args=["ai"]),
        reverse("syndication:author_rss", args=["ada"]),
        reverse("syndication:sitemap"),
        reverse("syndication:sitemap_news"),
        reverse("syndication:sitemap_section", args=["articles"]),
        reverse("syndication:robots"),
    ]


def test_reader_pages_are_for_shared_caches(client, article):
    for url in reader_pages(article):
        response = client.get(url)
        assert response.status_code == 200, url
        assert cache_control(response) == {
            "public": "",
            "max-age": "0",
            "s-maxage": "60",
            "stale-while-revalidate": "30",
            "stale-if-error": "86400",
        }, url
        assert response["ETag"].startswith('"'), url
        assert not response.cookies, url
        assert "cookie" not in response.get("Vary", "").lower(), url
        assert "site" in response["Cache-Tag"].split(), url


def test_shared_cache_seconds_is_a_setting(client, article, settings):
    settings.SHARED_CACHE_SECONDS = 15
    response = client.get(article.get_absolute_url())
    assert cache_control(response)["s-maxage"] == "15"


def test_pages_name_what_they_show(client, article):
    other = make_article(section=article.section, tags=["ai"])
    tags = set(client.get(article.get_absolute_url())["Cache-Tag"].split())
    assert {
        f"article-{article.pk}",
        f"section-{article.section_id}",
        f"author-{article.bylines.get().author_id}",
        "tag-ai",
        # Shown as a related article: its title changes this page too.
        f"article-{other.pk}",
        "site",
    } <= tags
    home = client.get(reverse("articles:index"))["Cache-Tag"].split()
    assert {"list-home", f"article-{article.pk}", f"article-{other.pk}"} <= set(home)
    faq = client.get(reverse("faq:index"))["Cache-Tag"].split()
    assert {"faq", "site"} <= set(faq)
    feed = client.get(reverse("syndication:section_rss", args=["tech"]))
    assert {"list-feeds", f"section-{article.section_id}"} <= set(
        feed["Cache-Tag"].split()
    )
    sitemap = client.get(reverse("syndication:sitemap"))["Cache-Tag"].split()
    assert "list-sitemaps" in sitemap


def test_article_page_names_its_faq_entries(client, article):
    entry = make_entry()
    article.faq_links.create(entry=entry, position=0)
    tags = client.get(article.get_absolute_url())["Cache-Tag"].split()
    assert f"faq-{entry.pk}" in tags


def test_staff_never_get_a_shared_page(editor_client, article):
    for url in reader_pages(article):
        response = editor_client.get(url)
        assert cache_control(response) == {"private": "", "no-store": ""}, url
        assert "Cache-Tag" not in response, url


def test_any_session_cookie_makes_a_page_private(client, article):
    client.cookies["sessionid"] = "expired-or-not"
    response = client.get(article.get_absolute_url())
    assert cache_control(response) == {"private": "", "no-store": ""}


def test_credentials_make_a_page_private(client, article):
    response = client.get(reverse("articles:index"), headers={"Authorization": "x"})
    assert "private" in cache_control(response)


def test_search_with_a_query_is_private(client, article):
    response = client.get(reverse("search:index"), {"q": "claude"})
    assert cache_control(response) == {"private": "", "no-store": ""}


def test_draft_preview_is_never_stored(editor_client):
    draft = make_article(status="draft", published_at=None)
    response = editor_client.get(draft.get_absolute_url())
    assert "no-store" in cache_control(response)
    assert "public" not in cache_control(response)


def test_share_links_and_admin_are_never_shared(client, editor_client):
    link_response = client.get(reverse("sharing:preview", args=["not-a-token"]))
    assert "public" not in cache_control(link_response)
    admin = editor_client.get(reverse("admin:index"))
    assert "no-store" in cache_control(admin)
    assert "public" not in cache_control(admin)


def test_a_missing_page_is_kept_briefly(client, db):
    response = client.get(reverse("articles:detail", args=["nothing-here"]))
    assert response.status_code == 404
    assert cache_control(response)["s-maxage"] == "2"
    assert "public" in cache_control(response)


def test_an_ambiguous_page_argument_is_private(client, article):
    # nginx keys on the first page=, Django serves the last: neither may keep it.
    for query in ("?page=1&page=2", "?PAGE=2", "?%70age=2"):
        response = client.get(reverse("articles:index") + query)
        assert "private" in cache_control(response), query
