"""Editors write FAQ entries in the admin and place them on articles inline."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from faq.models import ArticleEntry, Entry
from tests.admin_form import inline_prefix, read_form, with_inline_row
from tests.factories import make_article, make_entry, make_topic

pytestmark = pytest.mark.django_db

ENTRY_ADD_URL = reverse("admin:faq_entry_add")
ENTRY_CHANGELIST_URL = reverse("admin:faq_entry_changelist")


def test_editor_adds_entry_to_article_inline_and_readers_see_it(
    faq_editor_client, client
):
    article = make_article()
    entry = make_entry(question="Does Claude remember chats?")
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    form = read_form(faq_editor_client.get(change_url), "article_form")
    prefix = inline_prefix(form, "entry")

    response = faq_editor_client.post(
        change_url, with_inline_row(form, prefix, entry=entry.pk, position="1")
    )

    assert response.status_code == 302
    assertContains(
        client.get(article.get_absolute_url()), "Does Claude remember chats?"
    )


def test_inline_positions_set_the_order_readers_see(faq_editor_client, client):
    article = make_article()
    placed = make_entry(question="Placed first?")
    ArticleEntry.objects.create(article=article, entry=placed, position=5)
    added = make_entry(question="Added later?")
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    form = read_form(faq_editor_client.get(change_url), "article_form")

    faq_editor_client.post(
        change_url,
        with_inline_row(
            form, inline_prefix(form, "entry"), entry=added.pk, position="1"
        ),
    )

    content = client.get(article.get_absolute_url()).content.decode()
    assert content.index("Added later?") < content.index("Placed first?")


def test_inline_finds_entries_by_their_question(faq_editor_client):
    make_entry(question="Can Claude browse the web?")
    make_entry(question="What does it cost?")

    response = faq_editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "faq",
            "model_name": "articleentry",
            "field_name": "entry",
            "term": "browse",
        },
    )

    assert [item["text"] for item in response.json()["results"]] == [
        "Can Claude browse the web?"
    ]


def test_entry_page_lists_the_articles_that_use_it(faq_editor_client):
    entry = make_entry()
    make_article(title="Claude at work")
    for title in ("Claude at school", "Claude at home"):
        ArticleEntry.objects.create(article=make_article(title=title), entry=entry)

    response = faq_editor_client.get(reverse("admin:faq_entry_change", args=[entry.pk]))

    assertContains(response, "Claude at school")
    assertContains(response, "Claude at home")
    assertNotContains(response, "Claude at work")


def test_editor_writes_an_entry_and_its_answer_is_sanitized(faq_editor_client):
    topic = make_topic()

    response = faq_editor_client.post(
        ENTRY_ADD_URL,
        {
            "question": "Is Claude open source?",
            "slug": "is-claude-open-source",
            "answer": '<p onclick="x()">No.</p><script>alert(1)</script>',
            "topic": topic.pk,
            "order": "0",
            "is_published": "on",
            "tags": "licensing",
        },
    )

    assert response.status_code == 302
    entry = Entry.objects.get(slug="is-claude-open-source")
    assert entry.answer_html == "<p>No.</p>alert(1)"


def test_entry_slug_the_page_already_uses_is_refused(faq_editor_client):
    response = faq_editor_client.post(
        ENTRY_ADD_URL,
        {
            "question": "Main?",
            "slug": "main",
            "answer": "<p>No.</p>",
            "topic": make_topic().pk,
            "order": "0",
            "tags": "",
        },
    )

    assertContains(response, "The page already uses this anchor")
    assert not Entry.objects.exists()


def test_editor_publishes_an_entry_from_the_list(faq_editor_client, client):
    entry = make_entry(question="Ready yet?", is_published=False)

    faq_editor_client.post(
        ENTRY_CHANGELIST_URL,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": entry.pk,
            "form-0-order": "0",
            "form-0-is_published": "on",
            "_save": "Save",
        },
    )

    assertContains(client.get(reverse("faq:index")), "Ready yet?")


def test_entry_list_filters_by_tag(faq_editor_client):
    tag = make_entry(question="Tagged?", tags=["pricing"]).tags.get()
    make_entry(question="Untagged?")

    response = faq_editor_client.get(ENTRY_CHANGELIST_URL, {"tags__id__exact": tag.pk})

    assertContains(response, "Tagged?")
    assertNotContains(response, "Untagged?")
