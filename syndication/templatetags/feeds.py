"""{% feed_links %}: the <link rel="alternate"> tags that let readers find our feeds."""

from django import template
from django.utils.html import format_html_join

from siteconfig.models import SiteSettings
from syndication.feeds import Channel

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context, subject=None) -> str:
    """The site's feeds, or those of subject (a section, tag or author) when given."""
    site = context.get("site") or SiteSettings.current()
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        [
            (link["type"], link["title"], link["href"])
            for link in Channel(site, subject).alternate_links()
        ],
    )
