"""XSS payloads in imported post content: none survives into the page's HTML.

The whole shared corpus (tests/xss_corpus.py), read at test time. Payloads go into
post bodies as an export carries them: in CDATA, a hundred to a post, each its own
paragraph.
"""

import pytest

from articles.models import Article
from newsroom.text import xml_safe
from tests.transfer.wordpress.conftest import post, run_import, write_wxr
from tests.xss_corpus import CORPUS, allow_list_problems, read_payloads

pytestmark = pytest.mark.django_db

PER_POST = 100


@pytest.fixture(scope="module")
def payloads():
    payloads = [payload["payload"] for payload in read_payloads()]
    if not payloads:
        pytest.skip(f"XSS corpus not found at {CORPUS} (it lives beside the checkout)")
    return payloads


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
        for problem in allow_list_problems(article.body_html)
    ]
    assert not failures, "\n".join(failures[:30])
