from django.urls import path

from articles import converters, feeds, views  # noqa: F401 (registers uslug)
from articles.feeds import AtomFeed, JsonFeed, RssFeed

app_name = "articles"

# Tag slugs can be in any script (articles/tags.py); sections, authors and articles
# take the same converter, so a Unicode slug set outside the admin breaks no page either.

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="index"),
    path("news/", views.NewsListView.as_view(), name="news"),
    path("articles/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("section/<uslug:slug>/", views.SectionDetailView.as_view(), name="section"),
    path("tag/<uslug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path("author/<uslug:slug>/", views.AuthorDetailView.as_view(), name="author"),
    # Feeds: RSS and Atom for the site and each section, tag and author; JSON Feed
    # for the site. Names read <page>_<format>; templates link them via {% feed_links %}.
    path("feeds/rss/", feeds.SiteFeed(RssFeed), name="feed_rss"),
    path("feeds/atom/", feeds.SiteFeed(AtomFeed), name="feed_atom"),
    path("feeds/json/", feeds.SiteFeed(JsonFeed), name="feed_json"),
    path("section/<uslug:slug>/rss/", feeds.SectionFeed(RssFeed), name="section_rss"),
    path(
        "section/<uslug:slug>/atom/", feeds.SectionFeed(AtomFeed), name="section_atom"
    ),
    path("tag/<uslug:slug>/rss/", feeds.TagFeed(RssFeed), name="tag_rss"),
    path("tag/<uslug:slug>/atom/", feeds.TagFeed(AtomFeed), name="tag_atom"),
    path("author/<uslug:slug>/rss/", feeds.AuthorFeed(RssFeed), name="author_rss"),
    path("author/<uslug:slug>/atom/", feeds.AuthorFeed(AtomFeed), name="author_atom"),
]
