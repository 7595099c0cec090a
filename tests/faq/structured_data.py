"""Read a page's JSON-LD the way a search engine does: from its script blocks."""

import json
import re

LD_JSON = re.compile(
    r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL | re.IGNORECASE
)


def faq_pages(response) -> list[dict]:
    """Every FAQPage JSON-LD block on the page, parsed."""
    blocks = [json.loads(text) for text in LD_JSON.findall(response.content.decode())]
    return [block for block in blocks if block.get("@type") == "FAQPage"]


def questions_and_answers(faq_page: dict) -> list[tuple[str, str]]:
    return [
        (question["name"], question["acceptedAnswer"]["text"])
        for question in faq_page["mainEntity"]
    ]
