"""Every payload of the shared XSS corpus comes out of the sanitizer harmless.

The corpus is read from ../shared/xss-corpus/ beside the checkout and never copied
into the repository; each test loops over all payloads so the file runs in seconds.
Every test runs once per sanitizer implementation (the `sanitize` fixture).
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from articles.sanitize_policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_PROTOCOLS,
    ALLOWED_TAGS,
    anchor_headings,
    is_same_origin,
)

CORPUS = (
    Path(__file__).resolve().parents[2].parent
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


@pytest.fixture(scope="module")
def payloads():
    if not CORPUS.exists():
        pytest.skip(f"XSS corpus not found at {CORPUS} (it lives beside the checkout)")
    with CORPUS.open(encoding="utf-8") as corpus:
        return [json.loads(line) for line in corpus if line.strip()]


@pytest.fixture(scope="module")
def sanitized(payloads, sanitize):
    """(payload id, sanitized html) for every payload, once per implementation."""
    return [(payload["id"], sanitize(payload["payload"])) for payload in payloads]


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


def _problems(html, *, heading_ids=False):
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


def _report(failures):
    shown = "\n".join(f"payload {pid}: {what}" for pid, what in failures[:30])
    return f"{len(failures)} failing payloads, first ones:\n{shown}"


def test_corpus_is_complete(payloads):
    assert len(payloads) == EXPECTED_PAYLOADS


def test_sanitized_payloads_hold_only_allowed_markup(sanitized):
    failures = [
        (pid, problem) for pid, html in sanitized for problem in _problems(html)
    ]
    assert not failures, _report(failures)


def test_sanitized_payloads_do_not_change_when_sanitized_again(sanitized, sanitize):
    failures = []
    for pid, once in sanitized:
        twice = sanitize(once)
        if twice != once:
            failures.append((pid, f"{once!r} became {twice!r}"))
    assert not failures, _report(failures)


def test_anchored_payloads_hold_only_allowed_markup(sanitized):
    failures = [
        (pid, problem)
        for pid, html in sanitized
        for problem in _problems(anchor_headings(html)[0], heading_ids=True)
    ]
    assert not failures, _report(failures)


def test_anchored_payloads_have_unique_ids_matching_the_toc(sanitized):
    failures = []
    for pid, clean in sanitized:
        html, toc = anchor_headings(clean)
        ids = re.findall(r'<h2 id="([^"]*)">', html)
        if ids != [entry["id"] for entry in toc] or len(set(ids)) != len(ids):
            failures.append((pid, f"ids {ids} for toc {toc}"))
    assert not failures, _report(failures)


def test_anchored_payloads_do_not_change_when_processed_again(sanitized, sanitize):
    failures = []
    for pid, clean in sanitized:
        once, _ = anchor_headings(clean)
        twice, _ = anchor_headings(sanitize(once))
        if twice != once:
            failures.append((pid, f"{once!r} became {twice!r}"))
    assert not failures, _report(failures)
