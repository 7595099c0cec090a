"""The one gate between what editors paste and what readers see.

Policy: article bodies and FAQ answers keep structural and inline markup that fits
journalism (headings h2-h4, paragraphs, lists, links, emphasis, quotes, code, tables,
figures with images) and nothing else. Tags outside the allow-list are stripped but
their text is kept; attributes outside it are dropped; URLs must be http, https or
mailto (or relative). No style, no event handlers, no scripts, no data: URLs.
Absolute links get rel="noopener noreferrer". Images always carry an alt attribute.

This is the only module that imports bleach: swapping the library means editing
this file alone.
"""

import re
from html import unescape
from urllib.parse import urlsplit

import bleach
from bleach.html5lib_shim import Filter
from django.utils.html import strip_tags
from django.utils.text import slugify

ALLOWED_TAGS = frozenset(
    {
        "h2", "h3", "h4",
        "p", "br", "hr",
        "ul", "ol", "li",
        "a", "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark", "small",
        "blockquote", "q", "cite", "abbr",
        "code", "pre", "kbd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
        "figure", "figcaption", "img",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"],
    "abbr": ["title"],
    "img": ["src", "alt", "width", "height"],
    "th": ["colspan", "rowspan", "scope"],
    "td": ["colspan", "rowspan"],
    "ol": ["start"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
EXTERNAL_LINK_REL = "noopener noreferrer"
# Ids the page templates use; a heading must not take one of them.
RESERVED_IDS = frozenset(
    {
        "main",
        "site-disclaimer",
        "in-short-title",
        "toc-title",
        "faq-title",
        "see-also-title",
    }
)
# FAQ questions on an article page are anchored as faq-<slug>.
RESERVED_PREFIXES = ("faq-",)


def _is_external(href: str) -> bool:
    # Browsers read "\\" as "/" and ignore surrounding blanks: so do we.
    parts = urlsplit(href.strip().replace("\\", "/"))
    return bool(parts.netloc) or parts.scheme.lower() in ("http", "https")


class _LinkAndImageFilter(Filter):
    """Adds rel to absolute links and an empty alt to images that lack one."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in ("StartTag", "EmptyTag"):
                attrs = token["data"]
                if token["name"] == "a":
                    if _is_external(attrs.get((None, "href"), "")):
                        attrs[(None, "rel")] = EXTERNAL_LINK_REL
                elif token["name"] == "img":
                    attrs.setdefault((None, "alt"), "")
            yield token


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[_LinkAndImageFilter],
)
# Bleach's best-quote choice double-escapes "&" in values holding a double quote.
_cleaner.serializer.use_best_quote_char = False


def sanitize_html(html: str) -> str:
    """Return html reduced to the allow-list above; everything else is stripped."""
    return _cleaner.clean(html or "").strip()


_H2 = re.compile(r"<h2>(.*?)</h2>", re.DOTALL)


def anchor_headings(clean_html: str) -> tuple[str, list[dict[str, str]]]:
    """Give every h2 of sanitized html a stable id; return the html and its contents.

    The ids come from the heading text, so a link to #what-changed keeps working as
    long as the heading reads the same. Repeated headings get -2, -3 suffixes.
    """
    toc: list[dict[str, str]] = []
    seen: set[str] = set(RESERVED_IDS)

    def add_id(match: re.Match) -> str:
        text = unescape(strip_tags(match.group(1))).strip()
        base = slugify(text) or "section"
        if base.startswith(RESERVED_PREFIXES):
            base = f"h-{base}"
        anchor, n = base, 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        toc.append({"id": anchor, "text": text})
        return f'<h2 id="{anchor}">{match.group(1)}</h2>'

    return _H2.sub(add_id, clean_html), toc
