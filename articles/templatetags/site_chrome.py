"""The header and footer every page draws, each rendered once per distinct content.

They show the site's name and disclaimer, the sections and which page is
current: a few variants, the same on every page, yet rendering them took a
sixth of an uncached article page's templates. Each is rendered from exactly the
values it shows and remembered under them (and the URL prefix its links depend
on), so any change is a new entry: there is nothing to invalidate.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf

register = template.Library()

# Variants: sections x current page x site settings. Past this, start again.
REMEMBERED = 256
_rendered: dict[tuple, str] = {}


@register.simple_tag(takes_context=True)
def site_header(context) -> str:
    match = getattr(context.get("request"), "resolver_match", None)
    return _render_once(
        "includes/header.html",
        site_name=context["site"].site_name,
        sections=tuple(
            (section.slug, section.name) for section in context.get("nav_sections", ())
        ),
        current_section_slug=context.get("current_section_slug"),
        on_news=match is not None and match.view_name == "articles:news",
        on_faq=match is not None and match.namespace == "faq",
    )


@register.simple_tag(takes_context=True)
def site_footer(context) -> str:
    site = context["site"]
    # As "site": includes/disclaimer.html, in the footer, prints site.disclaimer.
    shown = (("site_name", site.site_name), ("disclaimer", site.disclaimer))
    return _render_once("includes/footer.html", site=shown)


def _render_once(template_name: str, **values) -> str:
    """values are hashable: "site", (name, value) pairs, reaches it as a dict."""
    key = (template_name, get_script_prefix(), get_urlconf(), *values.items())
    html = _rendered.get(key)
    if html is None:
        if len(_rendered) >= REMEMBERED:
            _rendered.clear()
        context = {
            name: dict(value) if name == "site" else value
            for name, value in values.items()
        }
        html = _rendered[key] = render_to_string(template_name, context)
    return html
