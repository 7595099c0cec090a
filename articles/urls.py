from django.urls import path

from articles import feeds, views
from articles.feeds import AtomFeed, JsonFeed, RssFeed

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="index"),
    path("news/", views.NewsListView.as_view(), name="news"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("section/<slug:slug>/", views.SectionDetailView.as_view(), name="section"),
    path("tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorDetailView.as_view(), name="author"),
    # Feeds: RSS and Atom for the site and each section, tag and author; JSON Feed
    # for the site. Names read <page>_<format>; templates link them via {% feed_links %}.
    path("feeds/rss/", feeds.SiteFeed(RssFeed), name="feed_rss"),
    path("feeds/atom/", feeds.SiteFeed(AtomFeed), name="feed_atom"),
    path("feeds/json/", feeds.SiteFeed(JsonFeed), name="feed_json"),
    path("section/<slug:slug>/rss/", feeds.SectionFeed(RssFeed), name="section_rss"),
    path("section/<slug:slug>/atom/", feeds.SectionFeed(AtomFeed), name="section_atom"),
    path("tag/<slug:slug>/rss/", feeds.TagFeed(RssFeed), name="tag_rss"),
    path("tag/<slug:slug>/atom/", feeds.TagFeed(AtomFeed), name="tag_atom"),
    path("author/<slug:slug>/rss/", feeds.AuthorFeed(RssFeed), name="author_rss"),
    path("author/<slug:slug>/atom/", feeds.AuthorFeed(AtomFeed), name="author_atom"),
]
