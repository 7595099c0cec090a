"""Corrections, clarifications and updates show on their article; two kinds date it."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from corrections.models import Kind, Note
from tests.articles.test_query_counts import ARTICLE_MAX_QUERIES
from tests.factories import make_article
from tests.page import count_queries, jsonld_blocks

pytestmark = pytest.mark.django_db

NOTED_AT = timezone.make_aware(datetime(2025, 12, 3, 10, 30))


@pytest.fixture
def article():
    return make_article(published_at=NOTED_AT - timedelta(days=5))


def iso(moment) -> str:
    """A moment as the page writes it: local time, with its offset."""
    return timezone.localtime(moment).isoformat()


def add_note(article, kind, created_at=NOTED_AT, text="What changed."):
    return Note.objects.create(
        article=article, kind=kind, created_at=created_at, text=text
    )


def date_modified(client, article) -> str:
    page = client.get(article.get_absolute_url()).content.decode()
    for data in jsonld_blocks(page):
        if "dateModified" in data:
            return data["dateModified"]
    raise AssertionError("No dateModified on the page.")


def test_note_shows_on_the_article_with_its_kind_and_date(client, article):
    add_note(article, Kind.CORRECTION, text="We misspelled the model's name.")

    response = client.get(article.get_absolute_url())

    assertContains(
        response,
        f'Correction, <time datetime="{iso(NOTED_AT)}">3 December 2025</time>:'
        "</strong> We misspelled the model&#x27;s name.",
        html=False,
    )


def test_notes_show_newest_first(client, article):
    add_note(article, Kind.UPDATE, NOTED_AT - timedelta(days=1), text="Older note.")
    add_note(article, Kind.CLARIFICATION, text="Newer note.")

    content = client.get(article.get_absolute_url()).content.decode()

    assert content.index("Newer note.") < content.index("Older note.")


def test_note_text_is_plain_text(client, article):
    add_note(article, Kind.CORRECTION, text="<b>Bold</b> claim")

    response = client.get(article.get_absolute_url())

    assertContains(response, "&lt;b&gt;Bold&lt;/b&gt; claim")


def test_article_without_notes_has_no_notes_box(client, article):
    assertNotContains(client.get(article.get_absolute_url()), "article-notes")


@pytest.mark.parametrize("kind", [Kind.CORRECTION, Kind.UPDATE])
def test_correction_or_update_changes_the_updated_date(client, article, kind):
    add_note(article, kind)

    response = client.get(article.get_absolute_url())

    assertContains(response, "· Updated <time", html=False)
    assert date_modified(client, article) == iso(NOTED_AT)


def test_clarification_leaves_the_dates_alone(client, article):
    add_note(article, Kind.CLARIFICATION)

    response = client.get(article.get_absolute_url())

    assertNotContains(response, "· Updated <time", html=False)
    assert date_modified(client, article) == iso(article.published_at)


def test_plain_save_leaves_the_dates_alone(client, article):
    article.body = "<h2>First</h2><p>Body text, typo fixed.</p>"
    article.save()

    response = client.get(article.get_absolute_url())

    assertNotContains(response, "· Updated <time", html=False)
    assert date_modified(client, article) == iso(article.published_at)


def test_adding_a_note_leaves_updated_at_alone(article):
    saved_at = Article.objects.get(pk=article.pk).updated_at

    add_note(article, Kind.CORRECTION)

    assert Article.objects.get(pk=article.pk).updated_at == saved_at


def test_deleting_the_last_update_clears_the_updated_date(article):
    note = add_note(article, Kind.UPDATE)

    note.delete()

    assert Article.objects.get(pk=article.pk).revised_at is None


def test_deleting_a_note_falls_back_to_the_latest_remaining(article):
    earlier = NOTED_AT - timedelta(days=2)
    add_note(article, Kind.CORRECTION, earlier)
    latest = add_note(article, Kind.UPDATE)
    add_note(article, Kind.CLARIFICATION, NOTED_AT + timedelta(days=1))

    latest.delete()

    assert Article.objects.get(pk=article.pk).revised_at == earlier


def test_turning_a_correction_into_a_clarification_clears_the_date(article):
    note = add_note(article, Kind.CORRECTION)

    note.kind = Kind.CLARIFICATION
    note.save()

    assert Article.objects.get(pk=article.pk).revised_at is None


def test_article_page_query_count_is_constant_as_notes_grow(client):
    few, many = make_article(), make_article()
    add_note(few, Kind.CORRECTION)
    for days in range(8):
        add_note(many, Kind.UPDATE, NOTED_AT - timedelta(days=days))

    small = count_queries(client, few.get_absolute_url())
    big = count_queries(client, many.get_absolute_url())

    assert small == big
    assert big <= ARTICLE_MAX_QUERIES
