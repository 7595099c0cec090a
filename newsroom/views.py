import sys
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views import defaults
from django.views.decorators.cache import cache_control

from articles.forms import BODY_MAX_CHARS
from articles.sitemaps import SITEMAPS, NewsSitemap
from newsroom.middleware import DATABASE_GONE, database_unavailable
from siteconfig.models import SiteSettings

# Crawlers stay out of the admin and of share links to drafts (sharing/urls.py).
ROBOTS_DISALLOW = ("/admin/", "/preview/")


def server_error(request):
    """Render 500.html with the disclaimer, falling back to defaults if the database is the fault.

    A lost database outside a view (in a middleware) gets the 503 page instead.
    """
    if isinstance(sys.exc_info()[1], DATABASE_GONE):
        return database_unavailable(request)
    try:
        site = SiteSettings.current()
    except Exception:  # The page must render whatever broke.
        site = SiteSettings(pk=1)
    html = loader.get_template("500.html").render({"site": site})
    return HttpResponseServerError(html)


def bad_request(request, exception):
    """A post too large to read gets a page saying the limit; other 400s as Django's."""
    if isinstance(exception, RequestDataTooBig):
        limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        context = {"limit_mb": limit_mb, "body_max_chars": f"{BODY_MAX_CHARS:,}"}
        return render(request, "413.html", context, status=413)
    return defaults.bad_request(request, exception)


def favicon(request):
    # Browsers ask for /favicon.ico whatever a page says; the admin's pages say nothing.
    return redirect(static("img/favicon.svg"), permanent=True)


def sitemap_index(request):
    """/sitemap.xml: every section's sitemap file, the news sitemap last."""
    response = sitemap_views.index(
        request,
        # "news" reverses to /sitemap-news.xml, which newsroom/urls.py routes apart.
        sitemaps={**SITEMAPS, "news": NewsSitemap},
        template_name="sitemaps/index.xml",
        sitemap_url_name="sitemap-section",
    )
    # Django builds each <loc> from the request's Host; keep its path and page only.
    for item in response.context_data["sitemaps"]:
        parts = urlsplit(item.location)
        path = urlunsplit(("", "", parts.path, parts.query, ""))
        item.location = settings.SITE_URL + path
    return response


@cache_control(public=True, max_age=60 * 60 * 24)
def robots_txt(request):
    """Crawl the public site but not the admin or draft previews; here are the sitemaps."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
        "Allow: /",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap-news')}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )
