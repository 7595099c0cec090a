from django.contrib.sitemaps.views import sitemap
from django.urls import path

from articles import converters  # noqa: F401 (registers uslug)
from newsroom.cache_tags import tagged
from syndication import views
from syndication.feedgenerators import AtomFeed, JsonFeed, RssFeed
from syndication.feeds import AuthorFeed, SectionFeed, SiteFeed, TagFeed
from syndication.sitemaps import SITEMAPS, NewsSitemap

app_name = "syndication"

# Mounted at the site's root (newsroom/urls.py): these are the addresses crawlers and
# feed readers have stored, so they never change with the app that serves them.
urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    # Ahead of sitemap-<section>.xml: the index lists it as the "news" section.
    path(
        "sitemap-news.xml",
        tagged(sitemap, "list-sitemaps"),
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
        name="sitemap_news",
    ),
    path(
        "sitemap-<section>.xml",
        tagged(sitemap, "list-sitemaps"),
        {"sitemaps": SITEMAPS, "template_name": "sitemaps/sitemap.xml"},
        name="sitemap_section",
    ),
    # Feeds: RSS and Atom for the site and each section, tag and author; JSON Feed
    # for the site. Names read <page>_<format>; templates link them via {% feed_links %}.
    path("feeds/rss/", SiteFeed(RssFeed), name="feed_rss"),
    path("feeds/atom/", SiteFeed(AtomFeed), name="feed_atom"),
    path("feeds/json/", SiteFeed(JsonFeed), name="feed_json"),
    path("section/<uslug:slug>/rss/", SectionFeed(RssFeed), name="section_rss"),
    path("section/<uslug:slug>/atom/", SectionFeed(AtomFeed), name="section_atom"),
    path("tag/<uslug:slug>/rss/", TagFeed(RssFeed), name="tag_rss"),
    path("tag/<uslug:slug>/atom/", TagFeed(AtomFeed), name="tag_atom"),
    path("author/<uslug:slug>/rss/", AuthorFeed(RssFeed), name="author_rss"),
    path("author/<uslug:slug>/atom/", AuthorFeed(AtomFeed), name="author_atom"),
]
