"""{% see_also links related %}: the article page's "See also" block.

Curated links first, then related articles; nothing when there are neither.
Built in Python: as a template (a lookup per field of each link and related
article) it was an eighth of an uncached article page. format_html escapes
every value, as the template did.
"""

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from articles.templatetags.dates import iso, short_day

register = template.Library()

BLOCK = """<section class="see-also" aria-labelledby="see-also-title">
    <h2 id="see-also-title" class="see-also__title">See also</h2>{}{}
  </section>"""
LINKS = """
    <ul class="see-also__links">{}
    </ul>"""
LINK = """
      <li class="see-also__item">
        <a href="{}"{}>{}{}</a>{}
      </li>"""
EXTERNAL = format_html(' rel="{}"', "noopener noreferrer")
EXTERNAL_MARK = format_html(
    '<span class="see-also__external" aria-hidden="true">{}</span>'
    '<span class="visually-hidden"> (external site)</span>',
    "↗",
)
DESCRIPTION = '\n        <p class="see-also__description">{}</p>'
RELATED = """
    <h3 id="related-title" class="see-also__subtitle">Related articles</h3>
    <ul class="see-also__related" aria-labelledby="related-title">{}
    </ul>"""
RELATED_ITEM = """
      <li class="see-also__item">
        <a href="{}">{}</a>
        <p class="see-also__meta">{} · <time datetime="{}">{}</time></p>
      </li>"""


@register.simple_tag
def see_also(links, related) -> str:
    if not links and not related:
        return ""
    return format_html(
        BLOCK,
        format_html(LINKS, format_html_join("", LINK, map(_link, links)))
        if links
        else "",
        format_html(RELATED, format_html_join("", RELATED_ITEM, map(_related, related)))
        if related
        else "",
    )


def _link(link) -> tuple:
    external = link.is_external
    return (
        link.href,
        EXTERNAL if external else "",
        link.text,
        EXTERNAL_MARK if external else "",
        format_html(DESCRIPTION, link.description) if link.description else "",
    )


def _related(article) -> tuple:
    published = timezone.localtime(article.published_at)
    return (
        article.get_absolute_url(),
        article.title,
        article.section.name,
        iso(published),
        short_day(published),
    )
