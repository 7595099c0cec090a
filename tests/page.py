"""Read a rendered page as a crawler does, and count what serving it costs.

An HTML parser, not a regex, so the tests see script blocks and attributes the way
browsers and search engines split them.
"""

import json
from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext


class Head(HTMLParser):
    """What a crawler reads from a page: lang, meta and link tags, JSON-LD blocks.

    Subclasses read more of the page; they set their own state before calling
    `super().__init__(content)`, which parses.
    """

    def __init__(self, content: str):
        super().__init__()
        self.lang = None
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.jsonld: list[str] = []  # Each block's text, as the page wrote it.
        self._in_jsonld = False
        self.feed(content)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta" and (attrs.get("property") or attrs.get("name")):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link" and attrs.get("rel"):
            self.links.setdefault(attrs["rel"], []).append(attrs.get("href"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def one(self, key: str) -> str:
        """The content of the one meta tag named `key`."""
        [value] = self.meta[key]
        return value

    @property
    def canonical(self) -> str | None:
        hrefs = self.links.get("canonical", [])
        assert len(hrefs) <= 1
        return hrefs[0] if hrefs else None

    def of_type(self, schema_type: str) -> dict:
        """The one block of this @type (other blocks, e.g. FAQPage, may be present)."""
        [block] = [
            data
            for data in map(json.loads, self.jsonld)
            if data.get("@type") == schema_type
        ]
        return block


def jsonld_blocks(html: str) -> list[dict]:
    """Every JSON-LD block on the page, parsed."""
    return [json.loads(text) for text in Head(html).jsonld]


def count_queries(client, url, data=None) -> int:
    """The queries a GET of url makes once a first GET has warmed the caches."""
    client.get(url, data)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, data).status_code == 200
    return len(queries)
