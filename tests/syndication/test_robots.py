"""/robots.txt: what crawlers may visit, and where the sitemaps are."""

import pytest
from django.urls import reverse

from tests.factories import make_article

SITE_URL = "https://claude-news.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


def robots_lines(client, **extra) -> list[str]:
    return client.get("/robots.txt", **extra).content.decode().splitlines()


def test_robots_txt_content(client):
    assert robots_lines(client) == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        "Allow: /",
        "",
        f"Sitemap: {SITE_URL}/sitemap.xml",
        f"Sitemap: {SITE_URL}/sitemap-news.xml",
    ]


def test_robots_txt_is_plain_text(client):
    assert client.get("/robots.txt")["Content-Type"] == "text/plain; charset=utf-8"


def test_robots_txt_is_cacheable(client):
    # Like every reader page (tests/caching/), without asking the database.
    cache_control = client.get("/robots.txt")["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=60" in cache_control


@pytest.mark.django_db
def test_disallowed_paths_cover_the_admin_and_share_links(client):
    disallowed = [
        line.removeprefix("Disallow: ")
        for line in robots_lines(client)
        if line.startswith("Disallow: ")
    ]
    for private in (reverse("admin:index"), reverse("sharing:preview", args=["t"])):
        assert any(private.startswith(path) for path in disallowed), private


@pytest.mark.django_db
def test_public_pages_are_not_disallowed(client):
    article = make_article()
    disallowed = [
        line.removeprefix("Disallow: ")
        for line in robots_lines(client)
        if line.startswith("Disallow: ")
    ]
    for public in ("/", article.get_absolute_url(), reverse("faq:index")):
        assert not any(public.startswith(path) for path in disallowed), public


@pytest.mark.django_db
def test_named_sitemaps_are_served(client):
    for line in robots_lines(client):
        if line.startswith("Sitemap: "):
            path = line.removeprefix(f"Sitemap: {SITE_URL}")
            assert client.get(path).status_code == 200, path


def test_spoofed_host_does_not_change_the_sitemap_urls(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    assert robots_lines(client, HTTP_HOST="evil.example") == robots_lines(client)
