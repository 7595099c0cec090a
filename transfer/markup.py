"""Markdown to HTML and back, for import_markdown and export_site.

Imported Markdown becomes HTML here and is then sanitized by Article.save(), like
any editor's text. An exported body is written as Markdown only when that Markdown
renders back to the same page; otherwise (a table caption, a header cell's scope)
the file keeps the body's HTML, which CommonMark and static-site generators pass
through, and says so in its front matter (body_format: html).
"""

import re
from html import escape
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdownify import markdownify

from articles.sanitize import anchor_headings, sanitize_html

# CommonMark plus tables; raw HTML is allowed in and the sanitizer decides.
_MARKDOWN = MarkdownIt("commonmark").enable("table")
BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption",
    "hr", "br", "div", "dl", "dt", "dd",
}  # fmt: skip


def markdown_to_html(text: str) -> str:
    return _MARKDOWN.render(text)


def html_to_markdown(html: str) -> str:
    return markdownify(html, heading_style="ATX", bullets="-").strip() + "\n"


def exported_body(body_html: str) -> tuple[str, str]:
    """The body to write into an exported file and its format, "markdown" or "html"."""
    markdown = html_to_markdown(body_html)
    if same_page(_as_stored(markdown_to_html(markdown)), body_html):
        return markdown, "markdown"
    return body_html.strip() + "\n", "html"


def _as_stored(html: str) -> str:
    """html as Article.save() would store it."""
    return anchor_headings(sanitize_html(html))[0]


def same_page(a: str, b: str) -> bool:
    """Whether two bodies show readers the same thing: markup compared after
    decoding character references and dropping whitespace around block tags."""
    return canonical(a) == canonical(b)


class _Canonical(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.in_pre = 0

    def handle_starttag(self, tag, attrs):
        values = "".join(f' {name}="{escape(value or "")}"' for name, value in attrs)
        self.out.append(f"<{tag}{values}>")
        self.in_pre += tag == "pre"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        ends_text = self.out and not self.out[-1].startswith("<")
        if self.in_pre and tag in ("code", "pre") and ends_text:
            # CommonMark ends a code block's text with a newline; HTML shows none.
            self.out[-1] = self.out[-1].rstrip("\n")
        self.in_pre -= tag == "pre"
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.in_pre:
            data = re.sub(r"\s+", " ", data)
        self.out.append(escape(data, quote=False))


def canonical(html: str) -> str:
    parser = _Canonical()
    parser.feed(html)
    parser.close()
    text = "".join(parser.out)
    # Whitespace next to a block tag shows nothing.
    tags = "|".join(sorted(BLOCK_TAGS))
    return re.sub(rf"\s*(</?(?:{tags})\b[^>]*>)\s*", r"\1", text).strip()
