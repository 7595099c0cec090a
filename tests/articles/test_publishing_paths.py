"""Every path that changes an article's state goes through the publishing service.

The same transition through the change form's button, a list action and the review
queue gives the same result: the same state, the same revision comment and user,
the same blockers when refused, redirects and search rows right.
"""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains
from reversion.models import Version

from articles.models import Article, Kind, Status
from newsroom.dates import editor_datetime
from redirects.models import Redirect
from tests.admin_form import change_url, post_change_form
from tests.factories import make_article, make_image
from tests.search.pages import titles

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")
QUEUE_URL = reverse("admin:roles_articleinreview_changelist")
BLOCKERS = (
    "Explainers and guides need an “In short” summary.",
    "The hero image has no alt text: add it in the image library.",
)


def run_action(client, url, action, *articles, **fields):
    return client.post(
        url,
        {"action": action, ACTION_CHECKBOX_NAME: [a.pk for a in articles], **fields},
        follow=True,
    )


def through(path, client, article, transition, **fields):
    """Make transition on article through path; return the page the editor sees."""
    if path == "form":
        response = post_change_form(client, article, _transition=transition, **fields)
        return client.get(response.url) if response.status_code == 302 else response
    url = QUEUE_URL if path == "queue" else CHANGELIST_URL
    return run_action(client, url, transition, article, **fields)


def revisions(article):
    return list(Version.objects.get_for_object(article).order_by("-pk"))


def latest_comment(article):
    version = revisions(article)[0]
    return version.revision.comment, version.revision.user.get_username()


def in_review(**fields):
    fields.setdefault("title", "Ready for a look")
    return make_article(status=Status.IN_REVIEW, **fields)


def blocked(**fields):
    """An explainer without its summary, whose hero has no alt text."""
    return in_review(
        title="Blocked piece",
        kind=Kind.EXPLAINER,
        summary="",
        hero=make_image(alt_text=""),
        **fields,
    )


# Publishing


@pytest.mark.parametrize("path", ["form", "action", "queue"])
def test_publish_puts_it_live_and_keeps_a_revision_naming_it(editor_client, path):
    article = in_review(body="<p>Wombats burrow.</p>")

    through(path, editor_client, article, "publish")

    article.refresh_from_db()
    assert article.is_published
    comment, user = latest_comment(article)
    assert comment.endswith("Published by editor")
    assert user == "editor"
    assert titles(Client().get(reverse("search:index"), {"q": "wombats"})) == [
        "Ready for a look"
    ]


@pytest.mark.parametrize("path", ["form", "action", "queue"])
def test_publish_is_refused_with_every_blocker_and_changes_nothing(editor_client, path):
    article = blocked(body="<p>Before.</p>")
    kept = revisions(article)

    response = through(path, editor_client, article, "publish", body="<p>Typed</p>")

    for blocker in BLOCKERS:
        assertContains(response, blocker)
    article.refresh_from_db()
    assert (article.status, article.body) == (Status.IN_REVIEW, "<p>Before.</p>")
    assert revisions(article) == kept


@pytest.mark.parametrize("path", ["form", "action", "queue"])
def test_publish_removes_a_stale_redirect_at_its_own_address(editor_client, path):
    article = in_review(slug="taken-back")
    Redirect.objects.create(old_path=article.get_absolute_url(), target="/elsewhere/")

    through(path, editor_client, article, "publish")

    assert not Redirect.objects.filter(old_path=article.get_absolute_url()).exists()


def test_publish_action_with_one_blocked_of_five_publishes_none(editor_client):
    fine = [in_review(title=f"Fine {n}") for n in range(4)]
    stuck = blocked()

    response = run_action(editor_client, CHANGELIST_URL, "publish", *fine, stuck)

    assert not Article.objects.published().exists()
    message = str(list(get_messages(response.wsgi_request))[-1])
    assert message.startswith(
        "Nothing was published: 1 article of those selected can't be, and it is "
        "all or none."
    )
    assert "“Blocked piece”: " + " ".join(BLOCKERS) in message
    assert all(revisions(article) == [] for article in fine)


def test_publish_form_confirms_with_the_live_address(editor_client):
    article = in_review(slug="fresh")

    response = through("form", editor_client, article, "publish")

    assertContains(response, "Published; live at http://testserver/articles/fresh/")


def test_republishing_keeps_the_first_publish_time(editor_client):
    first = timezone.now() - timedelta(days=3)
    article = make_article(status=Status.DRAFT, published_at=first)

    through("action", editor_client, article, "publish")

    article.refresh_from_db()
    assert (article.is_published, article.published_at) == (True, first)


# Scheduling


def test_schedule_from_the_form_keeps_a_revision_with_the_time(editor_client):
    article = in_review()
    at = timezone.localtime(timezone.now() + timedelta(days=2)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )

    response = through(
        "form",
        editor_client,
        article,
        "schedule",
        published_at_0=at.strftime("%Y-%m-%d"),
        published_at_1="09:00:00",
    )

    article.refresh_from_db()
    assert (article.is_scheduled, article.published_at) == (True, at)
    when = editor_datetime(at)
    assertContains(response, f"Scheduled for {when}: it goes live then.")
    # One save: the form's change and the transition in one revision.
    assert latest_comment(article) == (
        f"Changed Publish at. Scheduled for {when} by editor",
        "editor",
    )
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_schedule_without_a_future_time_is_refused_and_saves_nothing(editor_client):
    article = in_review(title="Before")

    response = through("form", editor_client, article, "schedule", title="Typed")

    assertContains(response, "To schedule, set a publish time in the future.")
    article.refresh_from_db()
    assert (article.status, article.title) == (Status.IN_REVIEW, "Before")


def test_publish_with_a_future_time_typed_asks_for_schedule(editor_client):
    article = in_review()
    later = timezone.localtime() + timedelta(days=1)

    response = through(
        "form",
        editor_client,
        article,
        "publish",
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )

    assertContains(response, "This time is in the future: choose “Schedule”")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


# Unpublishing


@pytest.mark.parametrize("path", ["form", "action"])
def test_unpublish_takes_it_off_and_keeps_a_revision(editor_client, path):
    article = make_article(title="Was live", body="<p>Quokkas smile.</p>")

    response = through(path, editor_client, article, "unpublish")

    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert latest_comment(article) == ("Unpublished by editor", "editor")
    reader = Client()
    assert reader.get(article.get_absolute_url()).status_code == 404
    assert titles(reader.get(reverse("search:index"), {"q": "quokkas"})) == []
    if path == "form":
        assertContains(response, "Unpublished: readers no longer see it.")


def test_unpublish_then_republish_keeps_its_address_without_redirects(
    editor_client,
):
    article = make_article(slug="back-again")

    through("action", editor_client, article, "unpublish")
    through("action", editor_client, article, "publish")

    assert Client().get("/articles/back-again/").status_code == 200
    assert not Redirect.objects.exists()
    comments = [v.revision.comment for v in revisions(article)]
    assert comments == ["Published by editor", "Unpublished by editor"]


# Submitting and sending back


@pytest.mark.parametrize("path", ["form", "action"])
def test_submit_for_review_keeps_a_revision_naming_the_writer(
    contributor_client, contributor, path
):
    article = make_article(status=Status.DRAFT, created_by=contributor)

    through(path, contributor_client, article, "submit_for_review")

    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    comment, user = latest_comment(article)
    assert comment.endswith("Submitted for review by contributor")
    assert user == "contributor"


@pytest.mark.parametrize("path", ["form", "queue"])
def test_send_back_keeps_a_revision_with_the_note(editor_client, contributor, path):
    article = in_review(created_by=contributor)

    response = through(
        path, editor_client, article, "send_back", review_comment="Cite the study."
    )

    article.refresh_from_db()
    assert (article.status, article.review_comment) == (
        Status.DRAFT,
        "Cite the study.",
    )
    comment, user = latest_comment(article)
    assert comment.endswith("Sent back by editor: Cite the study.")
    assert user == "editor"
    if path == "form":
        assertContains(response, "Sent back to contributor with your note.")


@pytest.mark.parametrize("path", ["form", "queue"])
def test_send_back_without_a_note_is_refused(editor_client, path):
    article = in_review()

    response = through(path, editor_client, article, "send_back", review_comment="")

    assertContains(response, "Write a note to the writer first")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


# Restoring a revision


def test_restore_goes_through_the_service_as_a_draft(editor_client):
    article = in_review(title="First words")
    through("form", editor_client, article, "publish")
    old = revisions(article)[0]
    post_change_form(editor_client, article, title="Second words")

    restore = reverse("admin:articles_article_restore", args=[article.pk, old.pk])
    response = editor_client.post(restore, follow=True)

    article.refresh_from_db()
    assert (article.title, article.status) == ("First words", Status.DRAFT)
    comment, user = latest_comment(article)
    assert comment.startswith("Restored the revision of ")
    assert comment.endswith(" as a draft by editor")
    assert user == "editor"
    assertContains(response, "until it is published again.")
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_history_page_shows_each_transition(editor_client, contributor):
    article = make_article(status=Status.DRAFT, created_by=contributor)
    through("form", editor_client, article, "submit_for_review")
    through("form", editor_client, article, "publish")
    through("action", editor_client, article, "unpublish")

    response = editor_client.get(change_url(article).replace("change/", "history/"))

    for comment in (
        "Submitted for review by editor",
        "Published by editor",
        "Unpublished by editor",
    ):
        assertContains(response, comment)
