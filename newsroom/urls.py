from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import SITEMAPS, NewsSitemap
from newsroom import health, views

admin.site.site_header = "Newsroom admin"
admin.site.site_title = "Newsroom admin"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    # Ahead of sitemap-<section>.xml: the index lists it as the "news" section.
    path(
        "sitemap-news.xml",
        sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
        name="sitemap-news",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS, "template_name": "sitemaps/sitemap.xml"},
        name="sitemap-section",
    ),
    path("corrections/", include("corrections.urls")),
    path("faq/", include("faq.urls")),
    path("search/", include("search.urls")),
    path("preview/", include("sharing.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "newsroom.views.bad_request"
handler500 = "newsroom.views.server_error"
