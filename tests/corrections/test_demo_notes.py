"""The demo publication shows a correction and a clarification, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from corrections.models import Kind, Note

pytestmark = pytest.mark.django_db


def run_demo_content():
    call_command("demo_content", stdout=StringIO())


# `demo` is the demo publication, loaded once for the module (tests/conftest.py).


def test_demo_has_a_correction_and_a_clarification_on_published_articles(demo):
    notes = Note.objects.published()
    assert sorted(notes.values_list("kind", flat=True)) == [
        Kind.CLARIFICATION,
        Kind.CORRECTION,
    ]


def test_demo_correction_dates_its_article(demo):
    correction = Note.objects.get(kind=Kind.CORRECTION)
    article = Article.objects.get(pk=correction.article_id)
    assert article.revised_at == correction.created_at
    assert article.was_updated


def test_second_run_adds_no_notes(demo):
    run_demo_content()

    assert Note.objects.count() == 2
