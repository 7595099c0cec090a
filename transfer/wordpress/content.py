"""A post's stored content as the HTML WordPress would show, before sanitizing.

In WordPress's own order: block-editor comments and <!--more--> go, [embed] and bare URLs alone
on a line become links (WordPress would embed them; we link, with no network),
[caption] and [gallery] become <figure>s, classic posts get their paragraphs
(autop; block-editor posts already carry them, and WordPress leaves them alone
too). Shortcodes we don't know stay as text and are returned for the report.
The result is untrusted HTML: the writer sanitizes it when the article is saved.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from transfer.wordpress.autop import autop

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
# Where the classic editor split a post for the home page or into pages.
_MORE = re.compile(r"<!--(?:more\b.*?|noteaser|nextpage)-->", re.DOTALL)
_EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.IGNORECASE)
_BARE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"'\[\]]+)[ \t]*$", re.MULTILINE)
_CAPTION = re.compile(
    r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.DOTALL | re.IGNORECASE
)
_CAPTIONED_MEDIA = re.compile(
    r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL | re.IGNORECASE
)
_GALLERY = re.compile(r"\[gallery\b([^\]]*)\]", re.IGNORECASE)
# [[name]] is how WordPress writes a shortcode's name as text.
_ESCAPED = re.compile(r"\[(\[[a-zA-Z][\w-]*\b[^\]]*\])\]")
# Shortcode names are lower case in practice: "[Photo by Jo]" is an editor's note.
_SHORTCODE = re.compile(r"\[([a-z][a-z0-9_-]*)(?:\s[^\]]*)?/?\]")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.DOTALL | re.IGNORECASE)
_ESCAPE_MARK = "\x00wp-escaped-{}\x00"


@dataclass
class GalleryImage:
    url: str
    alt: str
    caption: str


@dataclass
class Body:
    html: str
    unknown_shortcodes: list[str] = field(default_factory=list)  # e.g. "[contact-form]"


def shortcode_attributes(text: str) -> dict[str, str]:
    """name="value" pairs of a shortcode's opening tag (names lower-cased)."""
    return {
        match.group(1).lower(): next(
            value for value in match.group(2, 3, 4) if value is not None
        )
        for match in _ATTRIBUTE.finditer(text)
    }


def to_html(
    content: str, *, gallery_images: Callable[[list[str]], list[GalleryImage]]
) -> Body:
    """content as HTML; gallery_images(ids) gives the images of a [gallery]."""
    is_block_post = bool(_BLOCK_COMMENT.search(content))
    html = _MORE.sub("", _BLOCK_COMMENT.sub("", content))
    escaped: list[str] = []

    def hold_escaped(match: re.Match) -> str:
        escaped.append(match.group(1))
        return _ESCAPE_MARK.format(len(escaped) - 1)

    html = _ESCAPED.sub(hold_escaped, html)
    html = _EMBED.sub(lambda match: _link(match.group(1).strip()), html)
    html = _outside_pre(html, lambda part: _BARE_URL.sub(_bare_url_link, part))
    html = _CAPTION.sub(_figure_with_caption, html)
    html = _GALLERY.sub(lambda match: _gallery(match, gallery_images), html)
    if not is_block_post:
        html = autop(html)
    unknown = sorted({f"[{match.group(1)}]" for match in _SHORTCODE.finditer(html)})
    for number, text in enumerate(escaped):
        html = html.replace(_ESCAPE_MARK.format(number), text)
    return Body(html=html, unknown_shortcodes=unknown)


def _outside_pre(html: str, change: Callable[[str], str]) -> str:
    parts, last = [], 0
    for match in _PRE.finditer(html):
        parts += [change(html[last : match.start()]), match.group(0)]
        last = match.end()
    return "".join([*parts, change(html[last:])])


def _link(url: str) -> str:
    if not re.match(r"https?://", url):
        return escape(url, quote=False)
    return f'<a href="{escape(url)}">{escape(url, quote=False)}</a>'


def _bare_url_link(match: re.Match) -> str:
    return _link(match.group(1))


def _figure_with_caption(match: re.Match) -> str:
    attributes = shortcode_attributes(match.group(2))
    inner = match.group(3).strip()
    media = _CAPTIONED_MEDIA.match(inner)
    if media is None:
        return inner
    caption = attributes.get("caption") or media.group(2).strip()
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{media.group(1)}{figcaption}</figure>"


def _gallery(
    match: re.Match, gallery_images: Callable[[list[str]], list[GalleryImage]]
) -> str:
    attributes = shortcode_attributes(match.group(1))
    ids = [part.strip() for part in attributes.get("ids", "").split(",")]
    figures = []
    for image in gallery_images([part for part in ids if part]):
        caption = (
            f"<figcaption>{escape(image.caption, quote=False)}</figcaption>"
            if image.caption
            else ""
        )
        figures.append(
            f'<figure><img src="{escape(image.url)}" alt="{escape(image.alt)}">'
            f"{caption}</figure>"
        )
    return "\n".join(figures)
