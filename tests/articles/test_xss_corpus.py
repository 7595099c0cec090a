"""Every payload of the shared XSS corpus comes out of the sanitizer harmless.

The corpus (tests/xss_corpus.py) is read from beside the checkout; each test loops over all payloads so the file runs in seconds.
Every test runs once per sanitizer implementation (the `sanitize` fixture).
"""

import re

import pytest

from articles.sanitize_policy import anchor_headings
from tests.xss_corpus import (
    CORPUS,
    EXPECTED_PAYLOADS,
    allow_list_problems,
    read_payloads,
)


@pytest.fixture(scope="module")
def payloads():
    if not CORPUS.exists():
        pytest.skip(f"XSS corpus not found at {CORPUS} (it lives beside the checkout)")
    return read_payloads()


@pytest.fixture(scope="module")
def sanitized(payloads, sanitize):
    """(payload id, sanitized html) for every payload, once per implementation."""
    return [(payload["id"], sanitize(payload["payload"])) for payload in payloads]


def _report(failures):
    shown = "\n".join(f"payload {pid}: {what}" for pid, what in failures[:30])
    return f"{len(failures)} failing payloads, first ones:\n{shown}"


def test_corpus_is_complete(payloads):
    assert len(payloads) == EXPECTED_PAYLOADS


def test_sanitized_payloads_hold_only_allowed_markup(sanitized):
    failures = [
        (pid, problem)
        for pid, html in sanitized
        for problem in allow_list_problems(html)
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
        for problem in allow_list_problems(anchor_headings(html)[0], heading_ids=True)
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
