"""The sanitizer implementations the sanitizer tests run against, and how to compare
their output.

bleach is what the site runs (articles/sanitize.py); nh3
(tests/articles/sanitize_nh3.py, a test-only dependency) is the replacement kept ready. Both apply one policy
(articles/sanitize_policy.py) but serialize differently: bleach keeps character
references as typed (`&eacute;`, `&#x29;`) and leaves `>` bare in attribute values,
nh3 writes the characters (`é`, `)`) and escapes `>`. same_html() compares markup
after decoding every character reference and escaping one way, so a test states the
policy once for both; exact output is still compared by the idempotence tests.
"""

from collections.abc import Callable
from html import escape
from html.parser import HTMLParser

IMPLEMENTATIONS = ("bleach", "nh3")


def sanitizer(name: str) -> Callable[[str], str]:
    """The sanitize_html() of one implementation."""
    if name == "bleach":
        from articles.sanitize import sanitize_html
    else:
        from tests.articles.sanitize_nh3 import sanitize_html
    return sanitize_html


class _Canonical(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = "".join(f' {name}="{escape(value or "")}"' for name, value in attrs)
        self.out.append(f"<{tag}{values}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(escape(data, quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")


def canonical(html: str) -> str:
    """html with character references decoded and special characters escaped alike."""
    parser = _Canonical()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def same_html(actual: str, expected: str) -> bool:
    return canonical(actual) == canonical(expected)
