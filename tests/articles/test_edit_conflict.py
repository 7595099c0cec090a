"""Two editors in the same article: the later save is refused, nothing is lost."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains

from articles.models import Article, Status
from faq.models import Entry
from newsroom.dates import editor_datetime
from tests.admin_form import change_url, form_data
from tests.factories import make_article, make_author, make_entry, make_section

pytestmark = pytest.mark.django_db

CONFLICT = "while you were editing. Your changes are below and have not been saved"


@pytest.fixture
def other_client(editor):
    """A second editor's browser (the same account is enough: two tabs)."""
    client = Client()
    client.force_login(editor)
    return client


def test_second_save_is_refused_with_a_message(editor_client, other_client):
    article = make_article(status=Status.DRAFT)
    url = change_url(article)
    first = form_data(editor_client.get(url), "article_form", body="<p>A's text</p>")
    second = form_data(other_client.get(url), "article_form", body="<p>B's text</p>")
    editor_client.post(url, first)

    response = other_client.post(url, second)

    saved_at = editor_datetime(Article.objects.get().updated_at)
    assertContains(
        response, f"Someone else saved this article at {saved_at} {CONFLICT}"
    )


def test_refused_save_keeps_what_was_typed(editor_client, other_client):
    article = make_article(status=Status.DRAFT)
    url = change_url(article)
    first = form_data(editor_client.get(url), "article_form", body="<p>A's text</p>")
    second = form_data(other_client.get(url), "article_form", body="<p>B's text</p>")
    editor_client.post(url, first)

    response = other_client.post(url, second)

    assertContains(response, escape("<p>B's text</p>"))


def test_refused_save_leaves_the_first_save_in_place(editor_client, other_client):
    article = make_article(status=Status.DRAFT)
    url = change_url(article)
    first = form_data(editor_client.get(url), "article_form", body="<p>A's text</p>")
    second = form_data(other_client.get(url), "article_form", body="<p>B's text</p>")
    editor_client.post(url, first)

    other_client.post(url, second)

    assert Article.objects.get().body == "<p>A's text</p>"


def test_save_without_interruption_goes_through(editor_client):
    article = make_article(status=Status.DRAFT)
    url = change_url(article)
    data = form_data(editor_client.get(url), "article_form", body="<p>New</p>")

    response = editor_client.post(url, data)

    assert response.status_code == 302
    assert Article.objects.get().body == "<p>New</p>"


def test_saving_twice_from_reloaded_form_goes_through(editor_client):
    article = make_article(status=Status.DRAFT)
    url = change_url(article)
    editor_client.post(url, form_data(editor_client.get(url), "article_form"))
    data = form_data(editor_client.get(url), "article_form", body="<p>Again</p>")

    response = editor_client.post(url, data)

    assert response.status_code == 302
    assert Article.objects.get().body == "<p>Again</p>"


def test_adding_an_article_is_not_checked(editor_client):
    section, author = make_section(), make_author()
    url = reverse("admin:articles_article_add")
    data = form_data(
        editor_client.get(url),
        "article_form",
        title="Claude learns to count",
        slug="claude-learns-to-count",
        section=section.pk,
        **{"bylines-0-author": author.pk},
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302
    assert Article.objects.get().title == "Claude learns to count"


def test_second_save_of_faq_entry_is_refused(editor_client, other_client):
    entry = make_entry(answer="<p>Old</p>")
    url = reverse("admin:faq_entry_change", args=[entry.pk])
    first = form_data(editor_client.get(url), "entry_form", answer="<p>A's</p>")
    second = form_data(other_client.get(url), "entry_form", answer="<p>B's</p>")
    editor_client.post(url, first)

    response = other_client.post(url, second)

    assertContains(response, "Someone else saved this FAQ entry at")
    assertContains(response, escape("<p>B's</p>"))
    assert Entry.objects.get().answer == "<p>A's</p>"
