"""articles/publishing.py called directly: who may do what, and what a refusal says."""

from datetime import timedelta

import pytest
from django.utils import timezone
from reversion.models import Version

from articles import publishing
from articles.models import Article, Kind, LinkKind, SeeAlsoLink, Status
from articles.publishing import PublishingRefused
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def stored(article):
    return Article.objects.values("status", "published_at", "updated_at").get(
        pk=article.pk
    )


def refusal_of(call, article):
    before = stored(article)
    with pytest.raises(PublishingRefused) as refused:
        call()
    assert stored(article) == before  # Nothing changed.
    assert not Version.objects.get_for_object(article).exists()
    return refused.value


LATER = timedelta(days=1)


@pytest.mark.parametrize(
    "call",
    [
        lambda a, u: publishing.publish(a, user=u),
        lambda a, u: publishing.schedule(a, user=u, at=timezone.now() + LATER),
        lambda a, u: publishing.unpublish(a, user=u),
        lambda a, u: publishing.send_back(a, user=u, note="No."),
    ],
    ids=["publish", "schedule", "unpublish", "send_back"],
)
def test_contributors_may_not_make_editors_transitions(contributor, call):
    article = make_article(status=Status.IN_REVIEW, created_by=contributor)

    refused = refusal_of(lambda: call(article, contributor), article)

    assert [p.message for p in refused.problems] == [
        "Only editors can publish, schedule, unpublish or send back articles."
    ]


def test_contributor_submits_only_their_own_draft(contributor, editor):
    theirs = make_article(status=Status.DRAFT, created_by=editor)

    refused = refusal_of(
        lambda: publishing.submit_for_review(theirs, user=contributor), theirs
    )

    assert "only your own drafts" in str(refused)


@pytest.mark.parametrize(
    ("status", "call", "reason"),
    [
        (Status.DRAFT, publishing.unpublish, "It is not published."),
        (Status.PUBLISHED, publishing.publish, "It is live already."),
        (Status.IN_REVIEW, publishing.submit_for_review, "Only a draft can be"),
    ],
)
def test_a_transition_from_the_wrong_state_is_refused(editor, status, call, reason):
    article = make_article(status=status)

    refused = refusal_of(lambda: call(article, user=editor), article)

    assert reason in str(refused)


def test_send_back_of_a_draft_is_refused(editor):
    article = make_article(status=Status.DRAFT)

    refused = refusal_of(
        lambda: publishing.send_back(article, user=editor, note="x"), article
    )

    assert "Only an article in review can be sent back." in str(refused)


def test_refusal_lists_every_blocker_at_once(editor):
    target = make_article(title="Unfinished", status=Status.DRAFT)
    article = make_article(
        title="Guide",
        status=Status.DRAFT,
        kind=Kind.GUIDE,
        summary=" ",
        hero=make_image(alt_text=""),
    )
    SeeAlsoLink.objects.create(
        article=article, kind=LinkKind.ARTICLE, target_article=target
    )

    refused = refusal_of(lambda: publishing.publish(article, user=editor), article)

    assert str(refused) == (
        "“Guide”: Explainers and guides need an “In short” summary. "
        "The hero image has no alt text: add it in the image library. "
        "See also: “Unfinished” is not published yet. Publish it first or "
        "remove the link."
    )
    assert [p.field for p in refused.problems] == ["summary", "hero", "see_also_links"]


def test_schedule_before_a_linked_article_goes_live_is_refused(editor):
    target = make_article(title="Part two", published_at=timezone.now() + 2 * LATER)
    article = make_article(status=Status.DRAFT)
    SeeAlsoLink.objects.create(article=article, target_article=target)

    refused = refusal_of(
        lambda: publishing.schedule(article, user=editor, at=timezone.now() + LATER),
        article,
    )

    assert "“Part two” is scheduled for" in str(refused)
    # Scheduled after it, the series reads in order.
    publishing.schedule(article, user=editor, at=timezone.now() + 3 * LATER)
    assert Article.objects.get(pk=article.pk).is_scheduled


def test_schedule_in_the_past_is_refused(editor):
    article = make_article(status=Status.DRAFT)

    refused = refusal_of(
        lambda: publishing.schedule(article, user=editor, at=timezone.now() - LATER),
        article,
    )

    assert "set a publish time in the future" in str(refused)


def test_a_draft_with_blockers_saves_and_submits(contributor):
    article = make_article(
        status=Status.DRAFT, kind=Kind.EXPLAINER, summary="", created_by=contributor
    )

    publishing.submit_for_review(article, user=contributor)

    assert article.status == Status.IN_REVIEW  # The caller's instance follows.
    assert stored(article)["status"] == Status.IN_REVIEW


def test_publish_returns_the_saved_article_and_updates_the_callers(editor):
    article = make_article(status=Status.DRAFT)

    saved = publishing.publish(article, user=editor)

    assert saved.is_published
    assert (article.status, article.published_at) == (
        Status.PUBLISHED,
        saved.published_at,
    )


def test_contributor_restores_only_their_own_draft(contributor, editor):
    own = make_article(status=Status.DRAFT, created_by=contributor)
    theirs = make_article(status=Status.DRAFT, created_by=editor)

    def apply(article):
        article.title = "Restored"
        return ["Tags: gone"]

    restored, left_out = publishing.restore_revision(
        own, user=contributor, apply=apply, revision_of="yesterday"
    )
    refused = refusal_of(
        lambda: publishing.restore_revision(theirs, user=contributor, apply=apply),
        theirs,
    )

    assert (restored.title, left_out) == ("Restored", ["Tags: gone"])
    [version] = Version.objects.get_for_object(own)
    assert version.revision.comment == (
        "Restored the revision of yesterday as a draft by contributor"
    )
    assert "only of your own drafts" in str(refused)


def test_available_transitions_follow_role_and_state(contributor, editor):
    draft = make_article(status=Status.DRAFT, created_by=contributor)

    assert publishing.available_transitions(draft, contributor) == ["submit_for_review"]
    assert publishing.available_transitions(draft, editor) == [
        "submit_for_review",
        "publish",
        "schedule",
    ]


def test_resubmitting_clears_the_answered_note(contributor, editor):
    article = make_article(status=Status.IN_REVIEW, created_by=contributor)
    publishing.send_back(article, user=editor, note="Add a source.")

    publishing.submit_for_review(article, user=contributor)

    article.refresh_from_db()
    assert (article.status, article.review_comment) == (Status.IN_REVIEW, "")
    # The revision of the send-back keeps what the editor asked for.
    comments = Version.objects.get_for_object(article).values_list(
        "revision__comment", flat=True
    )
    assert "Sent back by editor: Add a source." in comments
