from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from newsroom import views

admin.site.site_header = "Newsroom admin"
admin.site.site_title = "Newsroom admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon),
    path("corrections/", include("corrections.urls")),
    path("faq/", include("faq.urls")),
    path("preview/", include("sharing.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "newsroom.views.server_error"
