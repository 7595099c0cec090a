"""Contributors submit drafts; editors publish them from the queue or send them back."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Status
from roles.permissions import Role
from roles.services import staff_user_create
from tests.admin_form import change_url, post_change_form
from tests.factories import make_article

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")
QUEUE_URL = reverse("admin:roles_articleinreview_changelist")


@pytest.fixture
def own_draft(contributor):
    return make_article(title="My draft", status=Status.DRAFT, created_by=contributor)


@pytest.fixture
def submitted(contributor):
    return make_article(
        title="Ready for a look", status=Status.IN_REVIEW, created_by=contributor
    )


def run_action(client, url, action, *articles, **fields):
    return client.post(
        url,
        {
            "action": action,
            ACTION_CHECKBOX_NAME: [article.pk for article in articles],
            **fields,
        },
        follow=True,
    )


def listed_titles(response):
    return {article.title for article in response.context["cl"].result_list}


# Submitting


def test_contributor_submits_own_draft_with_the_action(contributor_client, own_draft):
    response = run_action(
        contributor_client, CHANGELIST_URL, "submit_for_review", own_draft
    )

    assertContains(response, "Submitted 1 article for review.")
    own_draft.refresh_from_db()
    assert own_draft.status == Status.IN_REVIEW


def test_submit_action_skips_articles_that_are_not_drafts(
    contributor_client, contributor, own_draft
):
    live = make_article(created_by=contributor)

    response = run_action(
        contributor_client, CHANGELIST_URL, "submit_for_review", own_draft, live
    )

    assertContains(response, "Skipped 1 article: only drafts you can edit")
    live.refresh_from_db()
    assert live.status == Status.PUBLISHED


def test_submit_action_leaves_another_writers_draft_alone(
    contributor_client, role_groups
):
    colleague = staff_user_create(
        username="colleague", role=Role.CONTRIBUTOR, password="pw"
    )
    theirs = make_article(status=Status.DRAFT, created_by=colleague)

    run_action(contributor_client, CHANGELIST_URL, "submit_for_review", theirs)

    theirs.refresh_from_db()
    assert theirs.status == Status.DRAFT


def test_contributor_submits_with_the_forms_button(contributor_client, own_draft):
    response = post_change_form(
        contributor_client, own_draft, title="Typed", _transition="submit_for_review"
    )

    assert response.status_code == 302
    own_draft.refresh_from_db()
    assert (own_draft.status, own_draft.title) == (Status.IN_REVIEW, "Typed")
    assertContains(contributor_client.get(response.url), "Submitted for review")


# The queue


def test_review_queue_lists_only_submitted_articles(editor_client, submitted):
    make_article(title="Still a draft", status=Status.DRAFT)
    make_article(title="Already live")

    response = editor_client.get(QUEUE_URL)

    assert listed_titles(response) == {"Ready for a look"}


def test_review_queue_title_counts_what_waits(editor_client, submitted):
    response = editor_client.get(QUEUE_URL)

    assertContains(response, "<h1>Review queue (1)</h1>", html=True)


def test_review_queue_links_to_the_articles_form(editor_client, submitted):
    response = editor_client.get(QUEUE_URL)

    assertContains(response, f'href="{change_url(submitted)}"')


def test_admin_index_shows_editors_the_review_queue(editor_client):
    response = editor_client.get(reverse("admin:index"))

    assertContains(response, f'href="{QUEUE_URL}"')


def test_contributor_has_no_review_queue(contributor_client):
    assertNotContains(contributor_client.get(reverse("admin:index")), QUEUE_URL)
    assert contributor_client.get(QUEUE_URL).status_code == 403


# Publishing or sending back


def test_editor_publishes_from_the_queue_and_readers_see_it(
    editor_client, client, submitted
):
    response = run_action(editor_client, QUEUE_URL, "publish", submitted)

    assertContains(response, "Published 1 article: live now.")
    assertContains(client.get(submitted.get_absolute_url()), "Ready for a look")


def test_editor_publishes_a_submitted_article_from_its_form(
    editor_client, client, submitted
):
    post_change_form(editor_client, submitted, _transition="publish")

    assertContains(client.get(submitted.get_absolute_url()), "Ready for a look")


def test_editor_sends_back_with_a_note_that_the_writer_sees(
    editor_client, contributor_client, submitted
):
    run_action(
        editor_client,
        QUEUE_URL,
        "send_back",
        submitted,
        review_comment="Please add a source for the second claim.",
    )

    response = contributor_client.get(change_url(submitted))
    assertContains(response, "Note from your editor")
    assertContains(response, "Please add a source for the second claim.")


def test_sent_back_article_is_a_draft_again_that_its_writer_can_edit(
    editor_client, contributor_client, submitted
):
    run_action(
        editor_client, QUEUE_URL, "send_back", submitted, review_comment="Shorter."
    )

    response = post_change_form(contributor_client, submitted, title="Shorter title")

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.status, submitted.title) == (Status.DRAFT, "Shorter title")


def test_writers_save_keeps_the_editors_note(
    editor_client, contributor_client, submitted
):
    run_action(editor_client, QUEUE_URL, "send_back", submitted, review_comment="Fix.")

    post_change_form(contributor_client, submitted, review_comment="Deleted it!")

    submitted.refresh_from_db()
    assert submitted.review_comment == "Fix."


def test_send_back_without_a_note_changes_nothing(editor_client, submitted):
    response = run_action(
        editor_client, QUEUE_URL, "send_back", submitted, review_comment="  "
    )

    assertContains(response, "Nothing was sent back. Write a note to the writer")
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW


def test_editor_sends_back_through_the_articles_form(
    editor_client, contributor_client, submitted
):
    response = post_change_form(
        editor_client,
        submitted,
        _transition="send_back",
        review_comment="The intro buries the news.",
    )

    assertContains(
        editor_client.get(response.url), "Sent back to contributor with your note."
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    assertContains(
        contributor_client.get(change_url(submitted)), "The intro buries the news."
    )


@pytest.mark.parametrize("action", ["publish", "send_back"])
def test_contributor_cannot_act_on_the_queue(contributor_client, submitted, action):
    response = run_action(
        contributor_client, QUEUE_URL, action, submitted, review_comment="x"
    )

    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
