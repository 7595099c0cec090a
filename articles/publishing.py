"""The publishing service: every change of an article's state goes through here.

One function per transition: submit_for_review(), send_back(), publish(), schedule(),
unpublish() and restore_revision(). Each takes the article and the acting user and,
inside one transaction with the article's row locked, checks the user's permission,
the article's state and the one list of publish blockers (articles/blockers.py);
then saves through Article.save() (which keeps redirects, image uses and the search
index right), has a revision kept whose comment names the transition and the user,
and, once the transaction commits, sends content_changed. A refusal raises
PublishingRefused listing every problem at once, and changes no row.

articles can't import the history app, so revisions are kept by whatever registered
with keep_revisions_with() (history/revisions.py does, from its register()).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import django.dispatch
from django.db import transaction
from django.utils import timezone

from articles.blockers import Problem, publish_blockers
from articles.models import Article, Kind, Status
from newsroom.dates import editor_datetime

SUBMIT = "submit_for_review"
SEND_BACK = "send_back"
PUBLISH = "publish"
SCHEDULE = "schedule"
UNPUBLISH = "unpublish"
RESTORE = "restore_revision"
# Not a transition: a plain save of a live article, which caches must hear about.
EDIT = "edit"
TRANSITIONS = (SUBMIT, SEND_BACK, PUBLISH, SCHEDULE, UNPUBLISH, RESTORE)
PUBLISH_PERMISSION = "articles.publish_article"


class PublishingRefused(Exception):
    """A transition was refused; problems lists every reason, and nothing changed."""

    def __init__(self, article: Article, problems: list[Problem]):
        self.article = article
        self.problems = list(problems)
        reasons = " ".join(problem.message for problem in self.problems)
        super().__init__(f"“{article}”: {reasons}")


@dataclass(frozen=True)
class ContentChange:
    """What a transition changed, for caches: content_changed's `change` argument.

    Sections, authors and tags are the article's before and after the transition;
    lists names the listing pages readers see it appear on or vanish from: "home",
    "news" (news only), "section", "tags", "authors", "feeds", "sitemaps". Empty
    when readers see no difference (a draft submitted or scheduled).
    """

    transition: str
    article_ids: frozenset[int]
    section_ids: frozenset[int]
    author_ids: frozenset[int]
    tag_slugs: frozenset[str]
    lists: frozenset[str]


# Sent with sender=Article and change=ContentChange, once, after the commit.
content_changed = django.dispatch.Signal()

RevisionKeeper = Callable[[Article, object, str], None]
_keepers: list[RevisionKeeper] = []


def keep_revisions_with(keeper: RevisionKeeper) -> None:
    """Have keeper(article, user, comment) keep a revision after each transition."""
    if keeper not in _keepers:
        _keepers.append(keeper)


# Who may do what, in which state


def may_publish(user) -> bool:
    return bool(user and user.has_perm(PUBLISH_PERMISSION))


def refusals(transition: str, article: Article, user) -> list[Problem]:
    """Why user may not make this transition in article's state (no blockers)."""
    editor = may_publish(user)
    only_editors = Problem(
        "Only editors can publish, schedule, unpublish or send back articles."
    )
    if transition == SUBMIT:
        own = user.has_perm("articles.change_article") and (
            article.created_by_id == user.pk
        )
        if not (editor or own):
            return [Problem("You can submit only your own drafts for review.")]
        if article.status != Status.DRAFT:
            return [Problem("Only a draft can be submitted for review.")]
    elif transition == RESTORE:
        own_draft = article.created_by_id == user.pk and article.status == Status.DRAFT
        if not (editor or (user.has_perm("articles.change_article") and own_draft)):
            return [Problem("You can restore revisions only of your own drafts.")]
    elif not editor:
        return [only_editors]
    elif transition == SEND_BACK and article.status != Status.IN_REVIEW:
        return [Problem("Only an article in review can be sent back.")]
    elif transition in (PUBLISH, SCHEDULE) and article.is_published:
        return [Problem("It is live already.")]
    elif transition == UNPUBLISH and article.status != Status.PUBLISHED:
        return [Problem("It is not published.")]
    return []


def available_transitions(article: Article, user) -> list[str]:
    """The transitions user may offer for article now (blockers are checked later)."""
    return [t for t in TRANSITIONS if t != RESTORE and not refusals(t, article, user)]


def check_live_article(article: Article) -> None:
    """Refuse saving a published or scheduled article that now has a blocker."""
    if article.status == Status.PUBLISHED:
        if problems := publish_blockers(article):
            raise PublishingRefused(article, problems)


# The transitions


def submit_for_review(article: Article, *, user) -> Article:
    """Hand a draft to the editors: it leaves the writer's hands until sent back."""

    def change(locked):
        locked.status = Status.IN_REVIEW
        # The note was answered: a stale one must not be sent back again. The
        # revision of the send-back keeps it.
        locked.review_comment = ""
        return f"Submitted for review by {_name(user)}"

    return _transition(SUBMIT, article, user, change)


def send_back(article: Article, *, user, note: str) -> Article:
    """Return an article in review to its writer as a draft, with the editor's note."""
    note = note.strip()

    def change(locked):
        if not note:
            raise PublishingRefused(
                locked,
                [
                    Problem(
                        "Write a note to the writer first: what should they change?",
                        "review_comment",
                    )
                ],
            )
        locked.status = Status.DRAFT
        locked.review_comment = note
        return f"Sent back by {_name(user)}: {note}"

    return _transition(SEND_BACK, article, user, change)


def publish(article: Article, *, user) -> Article:
    """Put the article live now. A publish time in the past is kept (a republish)."""
    now = timezone.now()

    def change(locked):
        _refuse_blockers(locked, goes_live_at=now)
        locked.status = Status.PUBLISHED
        if locked.published_at is None or locked.published_at > now:
            locked.published_at = now
        return f"Published by {_name(user)}"

    return _transition(PUBLISH, article, user, change)


def schedule(article: Article, *, user, at: datetime) -> Article:
    """Have the article go live at `at`, a time in the future."""

    def change(locked):
        problems = []
        if at is None or at <= timezone.now():
            problems.append(
                Problem(
                    "To schedule, set a publish time in the future.", "published_at"
                )
            )
        _refuse_blockers(locked, goes_live_at=at, problems=problems)
        locked.status = Status.PUBLISHED
        locked.published_at = at
        return f"Scheduled for {editor_datetime(at)} by {_name(user)}"

    return _transition(SCHEDULE, article, user, change)


def unpublish(article: Article, *, user) -> Article:
    """Take a live or scheduled article back to draft: readers no longer see it."""

    def change(locked):
        locked.status = Status.DRAFT
        return f"Unpublished by {_name(user)}"

    return _transition(UNPUBLISH, article, user, change)


def restore_revision(
    article: Article,
    *,
    user,
    apply: Callable[[Article], list[str]],
    revision_of: str = "an earlier revision",
) -> tuple[Article, list[str]]:
    """Bring back an old revision's content, as a draft.

    apply(locked_article) sets the old content on the article and its rows (it saves
    the rows) and returns what it had to leave out; this saves the article as a draft.
    revision_of names the revision in the comment, e.g. its date.
    """
    left_out: list[str] = []

    def change(locked):
        left_out.extend(apply(locked))
        locked.status = Status.DRAFT
        return f"Restored the revision of {revision_of} as a draft by {_name(user)}"

    return _transition(RESTORE, article, user, change), left_out


# How every transition runs


def _transition(
    name: str, article: Article, user, change: Callable[[Article], str]
) -> Article:
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if problems := refusals(name, locked, user):
            raise PublishingRefused(locked, problems)
        before = footprint(locked)
        comment = change(locked)
        locked.save()
        for keeper in _keepers:
            keeper(locked, user, comment)
        _announce(name, locked, before, footprint(locked))
    for attname in ("status", "published_at", "review_comment", "updated_at"):
        setattr(article, attname, getattr(locked, attname))
    return locked


def record_edit(article: Article, *, user, before: dict | None = None) -> None:
    """After a plain save (no button): refuse new blockers, and tell caches.

    A published or scheduled article must stay publishable; a live one's readers see
    the edit, so content_changed goes out with transition "edit". before is
    footprint() of the article as stored before the save, so that a section, author
    or tag it left is named too.
    """
    check_live_article(article)
    if article.is_published:
        after = footprint(article)
        _announce(EDIT, article, before or after, after)


def _announce(name: str, article: Article, before: dict, after: dict) -> None:
    """Send content_changed once the transaction commits (never if it rolls back)."""
    payload = ContentChange(
        transition=name,
        article_ids=frozenset({article.pk}),
        section_ids=frozenset(before["sections"] | after["sections"]),
        author_ids=frozenset(before["authors"] | after["authors"]),
        tag_slugs=frozenset(before["tags"] | after["tags"]),
        lists=frozenset(before["lists"] | after["lists"]),
    )
    transaction.on_commit(lambda: content_changed.send(sender=Article, change=payload))


def _refuse_blockers(locked: Article, *, goes_live_at, problems=()) -> None:
    problems = [*problems, *publish_blockers(locked, goes_live_at=goes_live_at)]
    if problems:
        raise PublishingRefused(locked, problems)


def footprint(article: Article) -> dict:
    """Where the article appears: its section, authors, tags and, if live, lists."""
    authors = set(article.bylines.values_list("author_id", flat=True))
    tags = set(article.tags.values_list("slug", flat=True))
    lists = set()
    if article.is_published:
        lists = {"home", "section", "feeds", "sitemaps"}
        if article.kind == Kind.NEWS:
            lists.add("news")
        if tags:
            lists.add("tags")
        if authors:
            lists.add("authors")
    return {
        "sections": {article.section_id},
        "authors": authors,
        "tags": tags,
        "lists": lists,
    }


def _name(user) -> str:
    return user.get_username() if user else "the system"
