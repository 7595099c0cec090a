import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views import defaults

from articles.forms import BODY_MAX_CHARS
from newsroom.middleware import DATABASE_GONE, database_unavailable
from siteconfig.models import SiteSettings


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
