import base64
import hashlib
import logging
import re

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

from newsroom.rich_text import rich_text_widget

# The rich text editor (Tiptap) adds ProseMirror's base stylesheet as an inline
# <style>; this is that stylesheet's hash. An upgrade of django-prose-editor that
# changes it shows up as a CSP message in the browser tests (test_browser_csp.py).
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
logger = logging.getLogger(__name__)
_IMPORTMAP = re.compile(r'<script type="importmap">(.*?)</script>', re.DOTALL)


def editor_importmap() -> str:
    """The import map the admin's rich text editor renders, exactly as sent."""
    return _IMPORTMAP.search(str(rich_text_widget().media["importmap"])).group(1)


def content_security_policy() -> str:
    """The site's policy, plus what the admin's rich text editor needs, by hash.

    That is its import map (browsers take import maps only inline, and check them
    like scripts) and its base stylesheet. The map's URLs depend on the static files
    storage (hashed names in production), so its hash is worked out from the
    rendered map, once, when the site starts.
    """
    digest = hashlib.sha256(editor_importmap().encode()).digest()
    allowed = f"'sha256-{base64.b64encode(digest).decode()}'"
    return (
        f"{settings.CONTENT_SECURITY_POLICY}; script-src 'self' {allowed}; "
        f"style-src 'self' {EDITOR_STYLE_HASH}"
    )


class ContentSecurityPolicyMiddleware:
    """Send the site's Content-Security-Policy on every response, the admin's too.

    Templates hold no inline script or style, so the policy needs no 'unsafe-inline';
    JSON-LD blocks are data, which browsers do not execute. The rich text editor's
    import map and stylesheet are allowed by their hashes alone
    (see content_security_policy()).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


# Errors that mean the database is unreachable, not that our code is wrong.
DATABASE_GONE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(request):
    """The styled 503 page readers get while the database is away; no query made."""
    # SiteSettings' own defaults: reading the saved row would ask the database again.
    from siteconfig.models import SiteSettings

    html = loader.get_template("503.html").render({"site": SiteSettings(pk=1)})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Turn a lost database into a 503 page with Retry-After instead of a 500.

    Django closes the broken connection at the end of the request and the next one
    connects again (CONN_HEALTH_CHECKS), so the site recovers with no restart.
    Errors outside views reach newsroom.views.server_error, which does the same.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_GONE):
            logger.warning("Database unavailable: %s", exception.__class__.__name__)
            return database_unavailable(request)
        return None
