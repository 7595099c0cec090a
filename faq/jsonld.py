"""Structured data for FAQ entries, rendered with the `jsonld` template filter."""

from collections.abc import Iterable

from faq.models import Entry


def faq_page(entries: Iterable[Entry]) -> dict:
    """A schema.org FAQPage for entries, in their order; empty when there are none."""
    questions = [
        {
            "@type": "Question",
            "name": entry.question,
            "acceptedAnswer": {"@type": "Answer", "text": entry.answer_html},
        }
        for entry in entries
    ]
    if not questions:
        return {}
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": questions,
    }
