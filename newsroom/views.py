from django.http import HttpResponseServerError
from django.template import loader

from siteconfig.models import SiteSettings


def server_error(request):
    """Render 500.html with the disclaimer, falling back to defaults if the database is the fault."""
    try:
        site = SiteSettings.current()
    except Exception:  # The page must render whatever broke.
        site = SiteSettings(pk=1)
    html = loader.get_template("500.html").render({"site": site})
    return HttpResponseServerError(html)
