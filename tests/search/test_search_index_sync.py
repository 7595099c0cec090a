import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, Status
from faq.models import Entry
from search.models import Document
from tests.factories import make_article, make_entry
from tests.search.pages import titles

pytestmark = pytest.mark.django_db


def rebuild_search_index():
    call_command("rebuild_search_index", stdout=io.StringIO())


@pytest.fixture
def renamed_article():
    article = make_article(title="Possum diaries", summary="")
    article.title = "Glider diaries"
    article.save()
    return article


def test_changed_title_no_longer_matches_its_old_word(search, renamed_article):
    assert titles(search(q="possum")) == []


def test_changed_title_matches_its_new_word(search, renamed_article):
    assert titles(search(q="glider")) == ["Glider diaries"]


def test_changed_body_matches_its_new_word(search):
    article = make_article(title="Diaries", summary="", body="<p>Possums.</p>")
    article.body = "<p>Gliders.</p>"
    article.save()

    assert titles(search(q="glider")) == ["Diaries"]


def test_saving_again_keeps_one_document():
    article = make_article(title="Possum diaries")
    article.save()

    assert Document.objects.filter(object_id=article.pk).count() == 1


def test_deleted_article_is_not_found(search):
    article = make_article(title="Possum diaries")
    article.delete()

    assert titles(search(q="possum")) == []


def test_deleting_an_article_removes_its_document():
    article = make_article(title="Possum diaries")
    article.delete()

    assert not Document.objects.exists()


def test_article_deleted_through_a_queryset_is_not_found(search):
    make_article(title="Possum diaries")
    Article.objects.all().delete()  # As the admin's "Delete selected" does.

    assert titles(search(q="possum")) == []


def test_rebuild_drops_documents_of_rows_deleted_through_a_queryset():
    make_article(title="Possum diaries")
    Article.objects.all().delete()

    rebuild_search_index()

    assert not Document.objects.exists()


def test_rebuild_indexes_rows_that_skipped_save(search, section):
    Article.objects.bulk_create(
        [
            Article(
                title="Possum diaries",
                slug="possum-diaries",
                section=section,
                status=Status.PUBLISHED,
                published_at=timezone.now() - timedelta(hours=1),
                body_html="<p>Night walks.</p>",
            )
        ]
    )

    rebuild_search_index()

    assert titles(search(q="possum")) == ["Possum diaries"]


def test_changed_faq_question_matches_its_new_word(search):
    entry = make_entry(question="Do possums glide?", answer="<p>Yes.</p>")
    entry.question = "Do sugar gliders glide?"
    entry.save()

    assert titles(search(q="sugar")) == ["Do sugar gliders glide?"]


def test_changed_faq_question_no_longer_matches_its_old_word(search):
    entry = make_entry(question="Do possums glide?", answer="<p>Yes.</p>")
    entry.question = "Do sugar gliders glide?"
    entry.save()

    assert titles(search(q="possum")) == []


def test_deleted_faq_entry_is_not_found(search):
    entry = make_entry(question="Do possums glide?", answer="<p>Yes.</p>")
    entry.delete()

    assert titles(search(q="possum")) == []


def test_faq_entry_deleted_through_a_queryset_is_not_found(search):
    make_entry(question="Do possums glide?")
    Entry.objects.all().delete()

    assert titles(search(q="possum")) == []
