"""Read a page's JSON-LD the way a search engine does: from its script blocks."""

from tests.page import jsonld_blocks


def faq_pages(response) -> list[dict]:
    """Every FAQPage JSON-LD block on the page, parsed."""
    blocks = jsonld_blocks(response.content.decode())
    return [block for block in blocks if block.get("@type") == "FAQPage"]


def questions_and_answers(faq_page: dict) -> list[tuple[str, str]]:
    return [
        (question["name"], question["acceptedAnswer"]["text"])
        for question in faq_page["mainEntity"]
    ]
