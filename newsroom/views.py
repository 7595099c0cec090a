from django.http import HttpResponseServerError
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static

from siteconfig.models import SiteSettings


def server_error(request):
    """Render 500.html with the disclaimer, falling back to defaults if the database is the fault."""
    try:
        site = SiteSettings.current()
    except Exception:  # The page must render whatever broke.
        site = SiteSettings(pk=1)
    html = loader.get_template("500.html").render({"site": site})
    return HttpResponseServerError(html)


def favicon(request):
    # Browsers ask for /favicon.ico whatever a page says; the admin's pages say nothing.
    return redirect(static("img/favicon.svg"), permanent=True)
