"""{% picture image alt sizes [lazy=True] [priority=True] %}: a library image on a page.

WebP for browsers that take it, JPEG or PNG for the rest, its space reserved by
width and height. sizes is the layout's width for it; lazy for images below the
fold, priority for the page's main image. Built in Python: as a template it was
a twelfth of an uncached article page and more of a list of cards.
format_html escapes every value, as the template did.
"""

from django import template
from django.utils.html import format_html

register = template.Library()

PICTURE = "<picture>\n  {}\n  {}\n</picture>"
WEBP_SOURCE = '<source type="image/webp" srcset="{}" sizes="{}">'
IMG = '<img src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" height="{}"{}{}>'
LAZY = format_html(' loading="{}"', "lazy")
FIRST = format_html(' fetchpriority="{}"', "high")
LATER = format_html(' decoding="{}"', "async")


@register.simple_tag
def picture(image, alt: str, sizes: str, lazy=False, priority=False) -> str:
    webp = image.webp_srcset
    src = image.fallback
    return format_html(
        PICTURE,
        format_html(WEBP_SOURCE, webp, sizes) if webp else "",
        format_html(
            IMG,
            src["url"],
            image.fallback_srcset,
            sizes,
            alt,
            src["width"],
            src["height"],
            LAZY if lazy else "",
            FIRST if priority else LATER,
        ),
    )
