"""/corrections/ lists every note on a published article, newest first."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Status
from corrections.models import Kind, Note
from tests.factories import make_article

pytestmark = pytest.mark.django_db

URL = reverse("corrections:index")


def add_note(article, text, days_ago=0, kind=Kind.CORRECTION):
    return Note.objects.create(
        article=article,
        kind=kind,
        text=text,
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def test_page_lists_notes_newest_first_with_links_to_their_articles(client):
    older = make_article(title="Older story")
    newer = make_article(title="Newer story")
    add_note(older, "The older note.", days_ago=3)
    add_note(newer, "The newer note.", days_ago=1, kind=Kind.CLARIFICATION)

    response = client.get(URL)

    content = response.content.decode()
    assert content.index("The newer note.") < content.index("The older note.")
    assertContains(response, f'<a href="{newer.get_absolute_url()}">Newer story</a>')
    assertContains(response, "Clarification")


def test_page_leaves_out_notes_on_articles_readers_cannot_see(client):
    live = make_article()
    add_note(live, "Live note.")
    taken_down = make_article(title="Taken down")
    add_note(taken_down, "Hidden note.")
    taken_down.status = Status.DRAFT
    taken_down.save()
    scheduled = make_article(published_at=timezone.now() + timedelta(days=1))
    Note(article=scheduled, text="Scheduled note.").save()

    response = client.get(URL)

    assertContains(response, "Live note.")
    assertNotContains(response, "Hidden note.")
    assertNotContains(response, escape("Taken down"))
    assertNotContains(response, "Scheduled note.")


def test_page_is_paginated(client):
    article = make_article()
    for days in range(25):
        add_note(article, f"Note {days} days old.", days_ago=days)

    first, second = client.get(URL), client.get(URL, {"page": 2})

    assertContains(first, "Note 0 days old.")
    assertNotContains(first, "Note 24 days old.")
    assertContains(second, "Note 24 days old.")


def test_page_without_notes_says_so(client):
    assertContains(client.get(URL), "No corrections or updates yet.")


def test_footer_links_to_the_page(client):
    assertContains(client.get(reverse("articles:index")), f'href="{URL}"')


def test_page_query_count_is_constant_as_notes_grow(
    client, django_assert_max_num_queries
):
    for _ in range(20):
        add_note(make_article(), "A note.")

    with django_assert_max_num_queries(6):
        assert client.get(URL).status_code == 200
