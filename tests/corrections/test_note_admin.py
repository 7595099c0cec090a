"""Editors add corrections, clarifications and updates inline on the article form."""

import pytest
from pytest_django.asserts import assertContains

from articles.models import Article, Status
from corrections.models import Kind, Note
from tests.admin_form import change_url, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def with_note(client, article, **changes):
    """The article's change form as it stands, plus one new note."""
    data = form_data(client.get(change_url(article)), "article_form", **changes)
    index = int(data["notes-TOTAL_FORMS"])
    data["notes-TOTAL_FORMS"] = str(index + 1)
    return data | {
        f"notes-{index}-kind": Kind.CORRECTION,
        f"notes-{index}-text": "We gave the wrong date.",
    }


def test_editor_adds_a_correction_and_readers_see_it(editor_client, editor, client):
    article = make_article()

    response = editor_client.post(
        change_url(article), with_note(editor_client, article)
    )

    assert response.status_code == 302
    note = Note.objects.get(article=article)
    assert note.created_by == editor
    assert Article.objects.get(pk=article.pk).revised_at == note.created_at
    assertContains(client.get(article.get_absolute_url()), "We gave the wrong date.")


def test_note_on_a_draft_is_refused(editor_client):
    article = make_article(status=Status.DRAFT)

    response = editor_client.post(
        change_url(article), with_note(editor_client, article)
    )

    assertContains(response, "publish the article first")
    assert not Note.objects.exists()


def test_article_taken_offline_keeps_its_notes(editor_client):
    article = make_article()
    Note.objects.create(article=article, kind=Kind.UPDATE, text="Still here.")
    data = form_data(
        editor_client.get(change_url(article)), "article_form", status=Status.DRAFT
    )

    response = editor_client.post(change_url(article), data)

    assert response.status_code == 302
    assert article.notes.count() == 1


def test_deleting_the_note_inline_clears_the_updated_date(editor_client):
    article = make_article()
    Note.objects.create(article=article, kind=Kind.UPDATE, text="More news.")
    data = form_data(
        editor_client.get(change_url(article)),
        "article_form",
        **{"notes-0-DELETE": "on"},
    )

    response = editor_client.post(change_url(article), data)

    assert response.status_code == 302
    assert not article.notes.exists()
    assert Article.objects.get(pk=article.pk).revised_at is None
