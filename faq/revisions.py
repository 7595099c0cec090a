"""FAQ placements in article revisions: faq adds them to history's list of parts."""

from faq.models import ArticleEntry, Entry
from history import revisions


def describe_placements(rows: list[ArticleEntry]) -> list[str]:
    rows = sorted(rows, key=lambda row: (row.position, row.pk or 0))
    questions = dict(
        Entry.objects.filter(pk__in=[row.entry_id for row in rows]).values_list(
            "pk", "question"
        )
    )
    return [questions.get(row.entry_id, "(an FAQ entry deleted since)") for row in rows]


def register() -> None:
    """Called once, from FaqConfig.ready()."""
    revisions.follow(
        revisions.Part("faq_links", ArticleEntry, "FAQ entries", describe_placements)
    )
