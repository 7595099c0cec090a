"""XSS payloads in imported Markdown come out as the sanitizer's allow-list permits:
in bodies (Markdown and HTML ones), in Markdown links and in FAQ answers.

A sample of the shared corpus (tests/xss_corpus.py), read at test time.
"""

import pytest

from articles.models import Article
from faq.models import Entry
from tests.transfer.markdown import import_markdown, write_markdown
from tests.xss_corpus import CORPUS, allow_list_problems, read_payloads

pytestmark = pytest.mark.django_db
SAMPLE = 300


@pytest.fixture
def payloads():
    payloads = read_payloads()
    if not payloads:
        pytest.skip(f"XSS corpus not found at {CORPUS} (it lives beside the checkout)")
    step = max(1, len(payloads) // SAMPLE)
    return payloads[::step][:SAMPLE]


def test_no_payload_survives_an_import(payloads, importer, tmp_path):
    for payload in payloads:
        number, text = payload["id"], payload["payload"]
        front = {
            "title": f"Payload {number}",
            "faq": [{"question": f"Question {number}?", "answer": text}],
            "see_also": [{"url": text, "label": "x"}],
        }
        if number % 2:
            front["body_format"] = "html"
        body = f"Intro.\n\n{text}\n\n[a link]({text}) and <{text}>\n"
        write_markdown(tmp_path, f"payload-{number}.md", front, body)

    import_markdown("--keep-status", tmp_path)

    failures = [
        (html_of, problem)
        for html_of, html in [
            *Article.objects.values_list("slug", "body_html"),
            *Entry.objects.values_list("question", "answer_html"),
        ]
        for problem in allow_list_problems(html, heading_ids=True)
    ]
    assert Article.objects.count() == len(payloads)
    assert not failures, failures[:20]
    links = Article.objects.filter(see_also_links__isnull=False)
    assert not links.filter(see_also_links__url__istartswith="javascript").exists()
