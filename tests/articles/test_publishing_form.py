"""The change form's publishing buttons, and checks that speak before the database."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from articles.models import Article, Kind, Status
from tests.admin_form import (
    change_url,
    form_data,
    inline_prefix,
    post_change_form,
    read_form,
    with_inline_row,
)
from tests.factories import make_article, make_author, make_image

pytestmark = pytest.mark.django_db


def buttons(response):
    return {
        value
        for value in (
            "submit_for_review",
            "publish",
            "schedule",
            "unpublish",
            "send_back",
        )
        if f'name="_transition" value="{value}"' in response.content.decode()
    }


@pytest.mark.parametrize(
    ("fields", "expected", "save_label"),
    [
        (
            {"status": Status.DRAFT},
            {"submit_for_review", "publish", "schedule"},
            "Save draft",
        ),
        ({"status": Status.IN_REVIEW}, {"publish", "schedule", "send_back"}, "Save"),
        ({}, {"unpublish"}, "Save"),
        (
            {"published_at": timezone.now() + timedelta(days=1)},
            {"publish", "schedule", "unpublish"},
            "Save",
        ),
    ],
    ids=["draft", "in-review", "live", "scheduled"],
)
def test_editor_gets_the_buttons_for_the_articles_state(
    editor_client, fields, expected, save_label
):
    article = make_article(**fields)

    response = editor_client.get(change_url(article))

    assert buttons(response) == expected
    assertContains(response, f'value="{save_label}" class="default" name="_save"')
    assertNotContains(response, '<select name="status"')


def test_transition_buttons_have_no_inline_script_or_style(editor_client):
    response = editor_client.get(change_url(make_article(status=Status.DRAFT)))

    row = response.content.decode().split('<div class="submit-row">')[1]
    row = row.split("</div>")[0]
    for forbidden in ("style=", "onclick", "<script"):
        assert forbidden not in row


def test_saving_a_draft_explainer_without_summary_goes_through(editor_client):
    article = make_article(status=Status.DRAFT)

    response = post_change_form(editor_client, article, kind=Kind.EXPLAINER, summary="")

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.kind, article.summary) == (Kind.EXPLAINER, "")


def test_refused_publish_saves_neither_state_nor_typed_text_and_says_so(
    editor_client,
):
    article = make_article(status=Status.DRAFT, kind=Kind.GUIDE, summary="")

    response = post_change_form(
        editor_client, article, title="Typed title", _transition="publish"
    )

    assertContains(response, "Not published, and nothing was saved, your changes")
    assertContains(response, 'value="Typed title"')
    assert response.context["adminform"].form.errors["summary"] == [
        "Explainers and guides need an “In short” summary."
    ]
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.title != "Typed title"
    assert not Version.objects.get_for_object(article).exists()


def test_form_save_and_transition_make_one_revision_naming_both(editor_client):
    article = make_article(status=Status.DRAFT)

    post_change_form(editor_client, article, title="New title", _transition="publish")

    [version] = Version.objects.get_for_object(article)
    assert version.revision.comment == "Changed Title. Published by editor"
    assert version.field_dict["status"] == Status.PUBLISHED
    assert version.field_dict["title"] == "New title"


def test_saving_a_live_article_with_a_new_blocker_is_refused(editor_client):
    article = make_article()  # Live.

    response = post_change_form(editor_client, article, hero=make_image(alt_text="").pk)

    assertContains(response, "Not saved: this article is published or scheduled")
    assertContains(response, "The hero image has no alt text")
    article.refresh_from_db()
    assert article.hero is None


def test_plain_save_cannot_move_a_live_article_into_the_future(editor_client):
    article = make_article()
    later = timezone.localtime() + timedelta(days=1)

    response = post_change_form(
        editor_client,
        article,
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )

    assertContains(response, "It is live: to move its publish time into the future")
    article.refresh_from_db()
    assert article.is_published


# Database constraints: a form error speaks first


def test_published_article_without_a_date_gets_a_form_error(editor_client):
    article = make_article()

    response = post_change_form(
        editor_client, article, published_at_0="", published_at_1=""
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["published_at"] == [
        "A published article needs its publish time: put it back, or unpublish "
        "the article first."
    ]
    assertNotContains(response, "Constraint")
    assertNotContains(response, "published_needs_date")
    article.refresh_from_db()
    assert article.published_at is not None


def test_same_author_twice_in_the_byline_gets_a_form_error(editor_client):
    author = make_author(name="Ada Writer")
    article = make_article(status=Status.DRAFT, authors=[author])
    url = change_url(article)
    form = read_form(editor_client.get(url))
    data = with_inline_row(
        form, inline_prefix(form, "author"), author=author.pk, position="1"
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assertContains(response, "Ada Writer is in the byline twice")
    assertNotContains(response, "one_byline_per_author")
    assertNotContains(response, "Constraint")
    assert article.bylines.count() == 1


def test_add_form_publishes_a_new_article_at_once(editor_client, section):
    add_url = "/admin/articles/article/add/"
    data = form_data(
        editor_client.get(add_url),
        title="Straight out",
        slug="straight-out",
        section=section.pk,
        **{"bylines-0-author": make_author().pk},
        _transition="publish",
    )

    response = editor_client.post(add_url, data)

    assert response.status_code == 302
    article = Article.objects.get(slug="straight-out")
    assert article.is_published
    assert article.created_by.get_username() == "editor"
