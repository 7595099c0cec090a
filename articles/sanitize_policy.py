"""What sanitized HTML may hold, as data, and the steps every sanitizer shares.

Article bodies and FAQ answers keep structural and inline markup that fits journalism
(headings h2-h4, paragraphs, lists, links, emphasis, quotes, code, tables, figures with
images) and nothing else. Tags outside the allow-list are stripped but their text is
kept; attributes outside it are dropped; URLs must be http, https or mailto (or
relative). No style, no event handlers, no scripts, no data: URLs. Absolute links get
rel="noopener noreferrer". Images are kept only when they come from the site itself
or its media bucket (the Content-Security-Policy's img-src would block any other), and
always carry an alt attribute.

The sanitizing library (bleach in articles/sanitize.py, nh3 in
tests/articles/sanitize_nh3.py until the switch) applies the allow-lists; what a library cannot express
(rel on external links only, dropping other sites' images, heading anchors) is done
here, on its output, so both implementations share it. Both serializers double-quote
every attribute value and escape '<' in text and in values, which finish() and
syndication/feeds.py rely on.
"""

import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.text import slugify

from newsroom.text import plain_text

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


# Browsers drop blanks and control characters around a URL and tabs and newlines
# inside it; a scheme is judged with all of them removed, the stricter reading.
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")


def has_allowed_scheme(url: str) -> bool:
    """Whether url is relative or uses one of ALLOWED_PROTOCOLS."""
    scheme = _SCHEME.match(_IGNORED_IN_URLS.sub("", url).lower())
    return scheme is None or scheme.group(1) in ALLOWED_PROTOCOLS


def _url_parts(url: str):
    # Browsers read "\\" as "/" and ignore surrounding blanks: so do we.
    return urlsplit(url.strip().replace("\\", "/"))


def is_external(href: str) -> bool:
    """Whether href leads to another site (or may: any absolute address)."""
    parts = _url_parts(href)
    return bool(parts.netloc) or parts.scheme.lower() in ("http", "https")


def is_same_origin(src: str) -> bool:
    """Whether src is a relative address or one on SITE_URL's origin."""
    if not has_allowed_scheme(src):
        return False
    parts = _url_parts(src)
    if not parts.scheme and not parts.netloc:
        return bool(parts.path or parts.query)
    site = urlsplit(settings.SITE_URL)
    scheme = parts.scheme.lower() or site.scheme
    return (scheme, parts.netloc.lower()) == (site.scheme, site.netloc.lower())


def is_site_image(src: str) -> bool:
    """Whether src is one of the site's images: same-origin, or under MEDIA_URL when
    media lives elsewhere (an object-storage bucket the CSP's img-src names)."""
    if is_same_origin(src):
        return True
    media = urlsplit(settings.MEDIA_URL)
    if not media.netloc or not has_allowed_scheme(src):
        return False
    parts = _url_parts(src)
    return (
        (parts.scheme.lower() or media.scheme) == media.scheme
        and parts.netloc.lower() == media.netloc.lower()
        and parts.path.startswith(media.path)
    )


class _LinkAndImageTags(HTMLParser):
    """Finds the <a> and <img> start tags of sanitized html, with their offsets."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.found: list[tuple[int, str, str, dict[str, str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "img"):
            line, column = self.getpos()
            start = self.line_starts[line - 1] + column
            values = {name: value or "" for name, value in attrs}
            self.found.append((start, self.get_starttag_text(), tag, values))

    handle_startendtag = handle_starttag


def _finished_tag(tag: str, attrs: dict[str, str]) -> dict[str, str] | None:
    """The attributes tag should have (None: remove the tag), or attrs unchanged."""
    finished = dict(attrs)
    if tag == "img":
        if not is_site_image(attrs.get("src", "")):
            return None
        finished.setdefault("alt", "")
    elif "href" in attrs:
        if not has_allowed_scheme(attrs["href"]):
            del finished["href"]
        elif is_external(attrs["href"]):
            finished["rel"] = EXTERNAL_LINK_REL
    return finished


def finish(clean_html: str) -> str:
    """Apply the link and image rules to a sanitizer's output.

    Absolute links get rel="noopener noreferrer" (the sanitizer has dropped any rel
    the editor gave); images not from the site itself are removed, and the others
    get an empty alt when they have none. Tags that need no change stay as the
    sanitizer wrote them.
    """
    pieces, done = [], 0
    for start, tag_text, tag, attrs in _LinkAndImageTags(clean_html).found:
        finished = _finished_tag(tag, attrs)
        if finished == attrs:
            continue
        if finished is None:
            replacement = ""
        elif list(finished)[: len(attrs)] == list(attrs):
            # Only added attributes: keep the sanitizer's serialization of the rest.
            added = "".join(
                f' {name}="{escape(value)}"'
                for name, value in finished.items()
                if name not in attrs
            )
            replacement = f"{tag_text[:-1].rstrip('/').rstrip()}{added}>"
        else:
            values = "".join(
                f' {name}="{escape(value)}"' for name, value in finished.items()
            )
            replacement = f"<{tag}{values}>"
        pieces += [clean_html[done:start], replacement]
        done = start + len(tag_text)
    pieces.append(clean_html[done:])
    return "".join(pieces).strip()


_H2 = re.compile(r"<h2>(.*?)</h2>", re.DOTALL)


def anchor_headings(clean_html: str) -> tuple[str, list[dict[str, str]]]:
    """Give every h2 of sanitized html a stable id; return the html and its contents.

    The ids come from the heading text, so a link to #what-changed keeps working as
    long as the heading reads the same. Repeated headings get -2, -3 suffixes.
    """
    toc: list[dict[str, str]] = []
    seen: set[str] = set(RESERVED_IDS)

    def add_id(match: re.Match) -> str:
        text = plain_text(match.group(1))
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
