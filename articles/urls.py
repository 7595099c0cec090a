from django.urls import path

from articles import converters, views  # noqa: F401 (registers uslug)

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
]
