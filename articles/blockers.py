"""The one list of what stops an article going live: publish_blockers().

Every path that publishes or schedules (the change form, list actions, the review
queue, the demo) gets its answer from the publishing service, which asks this module.
Drafts are never checked: an explainer may be saved without its summary until it is
published. Advice that never blocks is in articles/checklist.py.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from articles.models import Article, Kind, LinkKind, SeeAlsoLink, Status
from newsroom.dates import editor_datetime

# The field a see-also problem belongs to: the inline, not one of the article's fields.
SEE_ALSO_LINKS = "see_also_links"


@dataclass(frozen=True)
class Problem:
    """One thing to fix or look at; field names the form field it concerns, if any."""

    message: str
    field: str = ""

    def __str__(self):
        return self.message


def publish_blockers(
    article: Article,
    see_also_links: Iterable[SeeAlsoLink] | None = None,
    *,
    goes_live_at: datetime | None = None,
) -> list[Problem]:
    """What must be fixed before article may go live; empty when nothing.

    see_also_links are the links as typed (default: as saved). goes_live_at
    defaults to the article's publish time, else now.
    """
    problems = []
    if article.kind in (Kind.EXPLAINER, Kind.GUIDE) and not article.summary.strip():
        problems.append(
            Problem("Explainers and guides need an “In short” summary.", "summary")
        )
    if article.hero is not None and not article.hero.alt_text.strip():
        problems.append(
            Problem(
                "The hero image has no alt text: add it in the image library.", "hero"
            )
        )
    if see_also_links is None:
        see_also_links = (
            article.see_also_links.select_related("target_article")
            if article.pk
            else []
        )
    goes_live_at = goes_live_at or article.published_at or timezone.now()
    for link in see_also_links:
        if problem := unpublished_target(link, goes_live_at):
            problems.append(Problem(problem, SEE_ALSO_LINKS))
    return problems


def unpublished_target(link: SeeAlsoLink, goes_live_at: datetime) -> str:
    """Why link points to an article readers won't see by then; empty when they will."""
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
