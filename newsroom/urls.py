from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from newsroom import health, views

admin.site.site_header = "Newsroom admin"
admin.site.site_title = "Newsroom admin"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon),
    path("", include("syndication.urls")),
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
