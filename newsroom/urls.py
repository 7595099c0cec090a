from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from caching.declare import shared
from newsroom import health, views

admin.site.site_header = "Newsroom admin"
admin.site.site_title = "Newsroom admin"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon),
    # shared(): reader pages, which shared caches may keep (caching/declare.py).
    # Share links, the admin and health checks are never kept.
    path("", include(shared("syndication.urls"))),
    path("corrections/", include(shared("corrections.urls"))),
    path("faq/", include(shared("faq.urls"))),
    path("search/", include(shared("search.urls", private_with=("q",)))),
    path("preview/", include("sharing.urls")),
    path("", include(shared("articles.urls"))),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "newsroom.views.bad_request"
handler500 = "newsroom.views.server_error"
