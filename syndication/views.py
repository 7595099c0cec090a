"""robots.txt and the sitemap index: the two files crawlers ask for first."""

from urllib.parse import urlsplit, urlunsplit

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse

from newsroom.cache_tags import add_cache_tags
from syndication.seo import absolute_url
from syndication.sitemaps import SITEMAPS, NewsSitemap

# Crawlers stay out of the admin and of share links to drafts (sharing/urls.py).
ROBOTS_DISALLOW = ("/admin/", "/preview/")


def sitemap_index(request):
    """/sitemap.xml: every section's sitemap file, the news sitemap last."""
    add_cache_tags(request, "list-sitemaps")
    response = sitemap_views.index(
        request,
        # "news" reverses to /sitemap-news.xml, which syndication/urls.py routes apart.
        sitemaps={**SITEMAPS, "news": NewsSitemap},
        template_name="sitemaps/index.xml",
        sitemap_url_name="syndication:sitemap_section",
    )
    # Django builds each <loc> from the request's Host; keep its path and page only.
    for item in response.context_data["sitemaps"]:
        parts = urlsplit(item.location)
        item.location = absolute_url(urlunsplit(("", "", parts.path, parts.query, "")))
    return response


def robots_txt(request):
    """Crawl the public site but not the admin or draft previews; here are the sitemaps."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
        "Allow: /",
        "",
        f"Sitemap: {absolute_url(reverse('syndication:sitemap'))}",
        f"Sitemap: {absolute_url(reverse('syndication:sitemap_news'))}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )
