"""The pre-publish checklist: what must be fixed, and what to look at, before publishing.

check_article() reads an article (saved, or as typed in the form) and its see-also
links, and touches nothing. Its errors are publish_blockers() (articles/blockers.py),
which the publishing service refuses; warnings are advice and never block.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from articles.blockers import Problem, publish_blockers
from articles.models import Article, SeeAlsoLink
from articles.sanitize import sanitize_html
from newsroom.text import plain_text

HEADLINE_MAX = 110
DESCRIPTION_MIN, DESCRIPTION_MAX = 50, 160
# Wording that could make readers think we speak for the company we cover.
AFFILIATION_WORDING = re.compile(
    r"\b(?:"
    + "|".join(
        phrase.replace(" ", r"\s+")
        for phrase in (
            "officially",
            "official",
            "our partner Anthropic",
            "in partnership with Anthropic",
            "sponsored by",
            "on behalf of Anthropic",
            "we at Anthropic",
        )
    )
    + r")\b",
    re.IGNORECASE,
)


@dataclass
class Checklist:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def check_article(
    article: Article,
    see_also_links: Iterable[SeeAlsoLink],
    *,
    tags: Iterable[str] | None = None,
) -> Checklist:
    """Check article before publishing; tags are the typed ones (default: saved)."""
    checklist = Checklist()
    errors, warnings = checklist.errors, checklist.warnings

    errors.extend(publish_blockers(article, see_also_links))

    if len(article.title) > HEADLINE_MAX:
        warnings.append(
            Problem(
                f"The headline has {len(article.title)} characters; over "
                f"{HEADLINE_MAX}, search results and cards cut it short.",
                "title",
            )
        )
    if problem := _description_problem(article):
        warnings.append(Problem(problem, "meta_description"))
    if tags is None:
        tags = article.tags.names() if article.pk else []
    if not list(tags):
        warnings.append(
            Problem("No tags: readers find related articles through them.", "tags")
        )
    if phrases := _affiliation_phrases(article.body):
        quoted = ", ".join(f"“{phrase}”" for phrase in phrases)
        warnings.append(
            Problem(
                f"The body says {quoted}: make sure it doesn't read as if we were "
                "affiliated with Anthropic. Claude News is independent.",
                "body",
            )
        )
    return checklist


def _description_problem(article: Article) -> str:
    # The text behind Article.description, before it is cut at 160 characters.
    source, text = article.description_source(body_html=sanitize_html(article.body))
    length = len(text)
    if length < DESCRIPTION_MIN:
        return (
            f"The description for search engines (from the {source}) has {length} "
            f"characters; aim for {DESCRIPTION_MIN}–{DESCRIPTION_MAX}."
        )
    if length > DESCRIPTION_MAX:
        return (
            f"The description for search engines (from the {source}) has {length} "
            f"characters and will be cut at {DESCRIPTION_MAX}: write a meta "
            "description."
        )
    return ""


def _body_text(body: str) -> str:
    return plain_text(sanitize_html(body))


def _affiliation_phrases(body: str) -> list[str]:
    text = " ".join(_body_text(body).split())
    found = {}  # Keeps the order of first appearance, once per wording.
    for match in AFFILIATION_WORDING.finditer(text):
        found.setdefault(match.group().lower(), match.group())
    return list(found.values())
