"""{% path name slug %}: {% url name slug %} for our pages, remembered (newsroom/paths.py).

For the links a page repeats on every request: the header's, the footer's,
an article's tags.
"""

from django import template

from newsroom import paths

register = template.Library()


@register.simple_tag
def path(name: str, slug: str | None = None) -> str:
    return paths.path(name, slug)
