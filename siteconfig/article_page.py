"""The site settings, read with the article on its page (articles/detail_rows.py):
no query of their own there, and never stale. Other pages use SiteSettings.current()."""

from articles.detail_rows import register_detail_rows
from articles.json_rows import JSONRows, json_datetime
from siteconfig.models import SiteSettings


def site_rows(article) -> JSONRows:
    return JSONRows(
        SiteSettings.objects.filter(pk=1),
        site_name="site_name",
        tagline="tagline",
        disclaimer="disclaimer",
        updated_at="updated_at",
    )


def _settings(row: dict) -> SiteSettings:
    updated_at = json_datetime(row.pop("updated_at"))
    return SiteSettings(pk=1, updated_at=updated_at, **row)


def site_context(article) -> dict:
    rows = article.rows_of("site_rows", _settings)
    if rows is None:
        return {}
    # Before an editor saves any, the defaults, as SiteSettings.current() gives.
    return {"site": rows[0] if rows else SiteSettings(pk=1)}


def register() -> None:
    register_detail_rows("site_rows", site_rows, context=site_context)
