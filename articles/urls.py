from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="index"),
    path("news/", views.NewsListView.as_view(), name="news"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("section/<slug:slug>/", views.SectionDetailView.as_view(), name="section"),
    path("tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorDetailView.as_view(), name="author"),
]
