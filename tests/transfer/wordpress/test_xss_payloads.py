"""XSS payloads in imported post content: none survives into the page's HTML.

The shared corpus (../shared/xss-corpus/ beside the checkout) is read at test time,
never copied into the project. Payloads go into post bodies as an export would
carry them: in CDATA, a hundred to a post, each its own paragraph.
"""

import json
from pathlib import Path

import pytest

from articles.models import Article
from newsroom.text import xml_safe
from tests.articles.test_xss_corpus import _problems
from tests.transfer.wordpress.conftest import post, run_import, write_wxr

pytestmark = pytest.mark.django_db

CORPUS = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "xss-corpus"
    / "xss-payloads.jsonl"
)
PER_POST = 100


@pytest.fixture(scope="module")
def payloads():
    if not CORPUS.exists():
        pytest.skip(f"XSS corpus not found at {CORPUS} (it lives beside the checkout)")
    with CORPUS.open(encoding="utf-8") as corpus:
        return [json.loads(line)["payload"] for line in corpus if line.strip()]


def in_cdata(text: str) -> str:
    # XML cannot carry some control characters at all, so no export holds them;
    # "]]>" would end the CDATA section, so it is split across two.
    return xml_safe(text).replace("]]>", "]]]]><![CDATA[>")


def test_no_payload_survives_an_import(importer, tmp_path, payloads):
    chunks = [payloads[i : i + PER_POST] for i in range(0, len(payloads), PER_POST)]
    export = write_wxr(
        tmp_path / "export.xml",
        *(
            post(number, f"Payloads {number}", content=in_cdata("\n\n".join(chunk)))
            for number, chunk in enumerate(chunks, start=1)
        ),
    )

    run_import(export)

    articles = Article.objects.all()
    assert len(articles) == len(chunks)
    failures = [
        f"{article.title}: {problem}"
        for article in articles
        for problem in _problems(article.body_html)
    ]
    assert not failures, "\n".join(failures[:30])
