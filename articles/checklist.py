"""The pre-publish checklist: what must be fixed, and what to look at, before publishing.

check_article() reads an article (saved, or as typed in the form) and its see-also
links, and touches nothing. Errors block publishing: the article form, its see-also
inline and the publish action refuse them. Warnings are advice and never block.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from articles.models import Article, Kind, LinkKind, SeeAlsoLink, Status
from articles.sanitize import sanitize_html
from newsroom.dates import editor_datetime
from newsroom.text import plain_text

HEADLINE_MAX = 110
DESCRIPTION_MIN, DESCRIPTION_MAX = 50, 160
# The field a see-also error belongs to: the inline, not one of the article's fields.
SEE_ALSO_LINKS = "see_also_links"
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


@dataclass(frozen=True)
class Problem:
    """One checklist line; field names the form field it concerns, if any."""

    message: str
    field: str = ""

    def __str__(self):
        return self.message


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

    if article.kind in (Kind.EXPLAINER, Kind.GUIDE) and not article.summary.strip():
        errors.append(
            Problem("Explainers and guides need an “In short” summary.", "summary")
        )
    if article.hero is not None and not article.hero.alt_text.strip():
        errors.append(
            Problem(
                "The hero image has no alt text: add it in the image library.", "hero"
            )
        )
    goes_live_at = article.published_at or timezone.now()
    for link in see_also_links:
        if problem := _unpublished_target(link, goes_live_at):
            errors.append(Problem(problem, SEE_ALSO_LINKS))

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


def _unpublished_target(link: SeeAlsoLink, goes_live_at) -> str:
    """Why link points to an article readers won't see; empty when they will."""
    if link.kind != LinkKind.ARTICLE:
        return ""
    target = link.target_article
    if target is None:
        return "See also: a link points to an article that was deleted. Remove it."
    if target.status != Status.PUBLISHED:
        return (
            f"See also: “{target.title}” is not published yet. "
            "Publish it first or remove the link."
        )
    # A target that goes live no later than this article is fine (a series).
    if target.published_at > goes_live_at:
        when = editor_datetime(target.published_at)
        return (
            f"See also: “{target.title}” is scheduled for {when}, after this "
            "article. Publish it first or remove the link."
        )
    return ""


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
