"""An article with corrections can't be deleted: the correction log keeps every entry."""

import pytest
from django.contrib.admin import helpers
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article
from corrections.models import Note
from tests.factories import make_article

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")
UNPUBLISH_INSTEAD = "unpublish it instead"


def corrected_article(**fields):
    article = make_article(**fields)
    Note.objects.create(article=article, text="The release date was wrong.")
    return article


def delete_url(article):
    return reverse("admin:articles_article_delete", args=[article.pk])


def bulk_delete(client, *articles):
    return client.post(
        CHANGELIST_URL,
        {
            "action": "delete_selected",
            helpers.ACTION_CHECKBOX_NAME: [article.pk for article in articles],
            "post": "yes",
        },
        follow=True,
    )


def test_delete_view_refuses_and_says_to_unpublish(editor_client):
    article = corrected_article()

    response = editor_client.post(delete_url(article), {"post": "yes"}, follow=True)

    assertContains(response, UNPUBLISH_INSTEAD)
    assert Article.objects.filter(pk=article.pk).exists()


def test_refused_delete_keeps_the_entry_on_the_corrections_page(editor_client, client):
    article = corrected_article(title="Claude ships a new model")

    editor_client.post(delete_url(article), {"post": "yes"})

    assertContains(
        client.get(reverse("corrections:index")), "The release date was wrong."
    )


def test_bulk_delete_refuses_and_deletes_nothing(editor_client):
    corrected, plain = corrected_article(), make_article()

    response = bulk_delete(editor_client, corrected, plain)

    assertContains(response, UNPUBLISH_INSTEAD)
    assertContains(response, corrected.title)
    assert Article.objects.count() == 2
    assert Note.objects.count() == 1


def test_article_without_corrections_can_still_be_deleted(editor_client):
    article = make_article()

    editor_client.post(delete_url(article), {"post": "yes"})

    assert not Article.objects.exists()


def test_bulk_delete_of_articles_without_corrections_goes_through(editor_client):
    bulk_delete(editor_client, make_article(), make_article())

    assert not Article.objects.exists()
