"""The shared XSS corpus and the allow-list check that sanitized HTML must pass.

The corpus is read from ../shared/xss-corpus/ beside the checkout and never copied
into the repository. Used by tests/articles/test_xss_corpus.py (the sanitizer) and
tests/transfer/ (imports).
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from articles.sanitize_policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_PROTOCOLS,
    ALLOWED_TAGS,
    is_same_origin,
)

CORPUS = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "xss-corpus"
    / "xss-payloads.jsonl"
)
EXPECTED_PAYLOADS = 8194

# Browsers drop tabs and newlines anywhere in a URL and C0 controls or spaces
# around it; removing all of them everywhere is the stricter reading.
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_FORBIDDEN_PREFIXES = ("javascript:", "vbscript:", "data:")
_SLUG = re.compile(r"[a-z0-9_-]+")


def read_payloads() -> list[dict]:
    """Every payload of the corpus ({"id", "payload", ...}); [] if it is missing."""
    if not CORPUS.exists():
        return []
    with CORPUS.open(encoding="utf-8") as corpus:
        return [json.loads(line) for line in corpus if line.strip()]


class _TagCollector(HTMLParser):
    """Collects start tags and anything that is neither a tag nor escaped text."""

    def __init__(self):
        # Raw text, so an unescaped "<" (an unfinished tag a browser might complete
        # with the page's next tag) shows up; attribute values are unescaped anyway.
        super().__init__(convert_charrefs=False)
        self.tags = []
        self.other = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        if "<" in data:
            self.other.append(f"unescaped '<' in text {data!r}")

    def handle_comment(self, data):
        self.other.append(f"comment {data!r}")

    def handle_decl(self, decl):
        self.other.append(f"declaration {decl!r}")

    def handle_pi(self, data):
        self.other.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.other.append(f"declaration {data!r}")


def allow_list_problems(html, *, heading_ids=False):
    """What in html breaks the allow-list; heading_ids allows anchor_headings' ids."""
    parser = _TagCollector()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError as error:  # How Python 3.11's parser rejects bad markup.
        return [f"unparseable: {error}"]
    problems = list(parser.other)
    for tag, attrs in parser.tags:
        if tag not in ALLOWED_TAGS:
            problems.append(f"tag <{tag}>")
        allowed = set(ALLOWED_ATTRIBUTES.get(tag, ()))
        if tag == "a":
            allowed.add("rel")
        if tag == "h2" and heading_ids:
            allowed.add("id")
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                problems.append(f"attribute {name!r} on <{tag}>")
            squeezed = _IGNORED_IN_URLS.sub("", value).lower()
            if squeezed.startswith(_FORBIDDEN_PREFIXES):
                problems.append(f"{name}={value!r} on <{tag}>")
            if tag == "img" and name == "src" and not is_same_origin(value):
                problems.append(f"image from another origin: {value!r}")
            if name in ("href", "src"):
                scheme = _SCHEME.match(squeezed)
                if scheme and scheme.group(1) not in ALLOWED_PROTOCOLS:
                    problems.append(f"scheme {scheme.group(1)!r} in {name}={value!r}")
            if name == "id" and not _SLUG.fullmatch(value):
                problems.append(f"id {value!r} is not a slug")
    return problems
