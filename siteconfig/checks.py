"""Deployment checks for the site's own settings (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.http.request import validate_host

DEFAULT_SITE_URL = "http://127.0.0.1:8000"


@register(Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs) -> list[Error]:
    """SITE_URL must be the public https address of one of ALLOWED_HOSTS."""
    site_url = settings.SITE_URL
    if site_url.rstrip("/") == DEFAULT_SITE_URL:
        return [
            Error(
                f"SITE_URL is left at its default ({DEFAULT_SITE_URL}).",
                hint="Set SITE_URL to the site's public https:// address: feeds, "
                "sitemaps and canonical links carry it.",
                id="siteconfig.E001",
            )
        ]
    parts = urlsplit(site_url)
    errors = []
    if parts.scheme != "https":
        errors.append(
            Error(
                f"SITE_URL ({site_url}) is not an https:// address.",
                hint="The site is served over HTTPS in production; so are its links.",
                id="siteconfig.E002",
            )
        )
    if not validate_host(parts.hostname or "", settings.ALLOWED_HOSTS):
        errors.append(
            Error(
                f"SITE_URL's host ({parts.hostname}) is not in ALLOWED_HOSTS.",
                hint="Add it to DJANGO_ALLOWED_HOSTS.",
                id="siteconfig.E003",
            )
        )
    return errors
