"""Template access to syndication.seo: page metadata with SITE_URL-based absolute URLs."""

from django import template
from django.conf import settings
from django.utils.encoding import escape_uri_path
from django.utils.html import format_html_join
from django.utils.translation import get_language

from syndication import seo

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The rendered nodelist is already autoescaped; it stays a SafeString.
        context[self.name] = self.nodelist.render(context)
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}...{% endcapture %}: render once, print as often as needed.

    base.html wraps the title and meta_description blocks in it, so the same text
    fills <title>, the description and the Open Graph and Twitter tags.
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("Usage: {% capture name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """SITE_URL + this page's path (+ ?page=N on later list pages)."""
    request = context.get("request")
    if request is None:
        return ""
    page_obj = context.get("page_obj")
    return seo.canonical_url(
        escape_uri_path(request.path),
        settings.SITE_URL,
        page_obj.number if page_obj else None,
    )


@register.simple_tag
def social_image_meta(article=None) -> str:
    """Open Graph and Twitter image tags: the article's hero, else the default."""
    image = seo.social_image(article or None, settings.SITE_URL)
    tags = [
        ("property", "og:image", image["url"]),
        ("property", "og:image:width", image["width"]),
        ("property", "og:image:height", image["height"]),
        ("property", "og:image:alt", image["alt"]),
        ("name", "twitter:image", image["url"]),
        ("name", "twitter:image:alt", image["alt"]),
    ]
    return format_html_join(
        "\n  ",
        '<meta {}="{}" content="{}">',
        [tag for tag in tags if tag[2]],
    )


@register.simple_tag
def article_breadcrumbs(article) -> list[dict]:
    return seo.breadcrumbs(article)


@register.simple_tag
def article_jsonld(article, site) -> dict:
    return seo.article_jsonld(article, site, settings.SITE_URL, get_language())


@register.simple_tag
def breadcrumb_jsonld(article) -> dict:
    return seo.breadcrumb_jsonld(article, settings.SITE_URL)


@register.simple_tag
def website_jsonld(site) -> dict:
    return seo.website_jsonld(site, settings.SITE_URL, get_language())


@register.simple_tag
def organization_jsonld(site) -> dict:
    return seo.organization_jsonld(site, settings.SITE_URL)
