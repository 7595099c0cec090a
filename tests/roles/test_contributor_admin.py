"""Contributors write their own drafts in the admin; everything else is refused."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, LinkKind, SeeAlsoLink, Status
from roles.permissions import Role
from roles.services import staff_user_create
from tests.admin_form import (
    change_url,
    form_data,
    inline_prefix,
    post_change_form,
    read_form,
    with_inline_row,
)
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


@pytest.fixture
def own_draft(contributor):
    return make_article(title="My draft", status=Status.DRAFT, created_by=contributor)


@pytest.fixture
def others_draft(role_groups):
    colleague = staff_user_create(
        username="colleague", role=Role.CONTRIBUTOR, password="pw"
    )
    return make_article(title="Their draft", status=Status.DRAFT, created_by=colleague)


def run_action(client, action, *articles):
    return client.post(
        CHANGELIST_URL,
        {"action": action, ACTION_CHECKBOX_NAME: [article.pk for article in articles]},
        follow=True,
    )


def add_form_data(client, **changes):
    fields = {
        "title": "Claude learns to count",
        "slug": "claude-learns-to-count",
        "section": make_section().pk,
        "bylines-0-author": make_author().pk,
    }
    return form_data(client.get(ADD_URL), **{**fields, **changes})


# Writing


def test_contributor_creates_a_draft_credited_to_them(contributor_client, contributor):
    response = contributor_client.post(ADD_URL, add_form_data(contributor_client))

    assert response.status_code == 302
    article = Article.objects.get(slug="claude-learns-to-count")
    assert (article.status, article.created_by) == (Status.DRAFT, contributor)


@pytest.mark.parametrize("page", ["add", "own draft"])
def test_contributor_gets_save_draft_and_submit_buttons_only(
    contributor_client, own_draft, page
):
    url = ADD_URL if page == "add" else change_url(own_draft)

    response = contributor_client.get(url)

    assertContains(response, 'value="Save draft"')
    assertContains(
        response,
        '<button type="submit" name="_transition" value="submit_for_review" '
        'class="transition-button">Submit for review</button>',
        html=True,
    )
    for editors_only in ("publish", "schedule", "unpublish", "send_back"):
        assertNotContains(response, f'value="{editors_only}"')
    assertNotContains(response, 'name="status"')


def test_contributor_edits_own_draft(contributor_client, own_draft):
    response = post_change_form(contributor_client, own_draft, title="Better title")

    assert response.status_code == 302
    own_draft.refresh_from_db()
    assert own_draft.title == "Better title"


def test_contributor_adds_see_also_link_to_own_draft(contributor_client, own_draft):
    url = change_url(own_draft)
    form = read_form(contributor_client.get(url))
    data = with_inline_row(
        form,
        inline_prefix(form, "url"),
        kind=LinkKind.EXTERNAL,
        url="https://example.org/source",
        label="The source",
        position="0",
    )

    response = contributor_client.post(url, data)

    assert response.status_code == 302
    assert SeeAlsoLink.objects.get(article=own_draft).label == "The source"


def test_contributor_lists_own_work_and_published_articles(
    contributor_client, own_draft, others_draft
):
    make_article(title="Live article")
    make_article(
        title="Scheduled article", published_at=timezone.now() + timedelta(days=1)
    )

    response = contributor_client.get(CHANGELIST_URL)

    titles = {article.title for article in response.context["cl"].result_list}
    assert titles == {"My draft", "Live article"}


# Other people's articles, and their own once submitted


def test_contributor_cannot_open_anothers_draft(contributor_client, others_draft):
    response = contributor_client.get(change_url(others_draft))

    assert response.status_code == 302  # To the admin index: "doesn't exist".
    assertNotContains(contributor_client.get(CHANGELIST_URL), "Their draft")


def test_contributor_cannot_change_anothers_draft(contributor_client, others_draft):
    contributor_client.post(
        change_url(others_draft), {"title": "Mine now", "status": Status.DRAFT}
    )

    others_draft.refresh_from_db()
    assert others_draft.title == "Their draft"


@pytest.mark.parametrize("status", [Status.IN_REVIEW, Status.PUBLISHED])
def test_contributor_sees_own_submitted_article_read_only(
    contributor_client, contributor, status
):
    article = make_article(status=status, created_by=contributor)

    response = contributor_client.get(change_url(article))

    assert response.status_code == 200
    assertNotContains(response, 'name="_save"')
    assertNotContains(response, 'name="title"')


@pytest.mark.parametrize("status", [Status.IN_REVIEW, Status.PUBLISHED])
def test_contributor_cannot_save_own_submitted_article(
    contributor_client, contributor, status
):
    article = make_article(title="Submitted", status=status, created_by=contributor)
    # The form as it was while the article was still their draft.
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
    data = form_data(contributor_client.get(change_url(article)), title="Changed")
    Article.objects.filter(pk=article.pk).update(status=status)

    response = contributor_client.post(change_url(article), data)

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Submitted"


def test_contributor_sees_anothers_published_article_read_only(contributor_client):
    article = make_article(title="Live article")

    response = contributor_client.get(change_url(article))

    assertContains(response, "Live article")
    assertNotContains(response, 'name="_save"')


def test_contributor_cannot_add_byline_to_anothers_article(contributor_client):
    article = make_article()
    data = {
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-0-author": make_author().pk,
    }

    response = contributor_client.post(change_url(article), data)

    assert response.status_code == 403
    assert article.bylines.count() == 1


# Publishing is for editors


@pytest.mark.parametrize(
    ("transition", "refusal"),
    [
        ("publish", "Only editors can publish: nothing was saved."),
        ("schedule", "Only editors can schedule: nothing was saved."),
        ("unpublish", "Only editors can unpublish: nothing was saved."),
        ("send_back", "Only editors can send back: nothing was saved."),
        ("anything", "“anything” is not something you can do"),
    ],
)
def test_contributor_crafted_transition_is_refused(
    contributor_client, own_draft, transition, refusal
):
    response = post_change_form(
        contributor_client, own_draft, title="Typed", _transition=transition
    )

    assertContains(response, refusal)
    own_draft.refresh_from_db()
    assert (own_draft.status, own_draft.title) == (Status.DRAFT, "My draft")


def test_contributor_crafted_status_is_ignored(contributor_client, own_draft):
    post_change_form(contributor_client, own_draft, status=Status.PUBLISHED)

    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT


def test_contributor_crafted_publish_time_is_refused(contributor_client, own_draft):
    soon = timezone.localtime() + timedelta(hours=1)

    response = post_change_form(
        contributor_client,
        own_draft,
        published_at_0=soon.strftime("%Y-%m-%d"),
        published_at_1=soon.strftime("%H:%M:%S"),
    )

    assertContains(response, "Only editors can set the publish time.")
    own_draft.refresh_from_db()
    assert own_draft.published_at is None


def test_contributor_crafted_new_article_cannot_be_published(contributor_client):
    response = contributor_client.post(
        ADD_URL, add_form_data(contributor_client, _transition="publish")
    )

    assertContains(response, "Only editors can publish: nothing was saved.")
    assert not Article.objects.exists()


def test_contributor_publish_action_is_refused(contributor_client, own_draft, client):
    run_action(contributor_client, "publish", own_draft)

    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT
    assert client.get(own_draft.get_absolute_url()).status_code == 404


def test_contributor_unpublish_action_is_refused(contributor_client, contributor):
    article = make_article(created_by=contributor)

    run_action(contributor_client, "unpublish", article)

    article.refresh_from_db()
    assert article.is_published


def test_contributor_action_menu_offers_only_submit(contributor_client):
    make_article()

    response = contributor_client.get(CHANGELIST_URL)

    actions = [
        value
        for value, label in response.context["action_form"].fields["action"].choices
    ]
    assert actions == ["", "submit_for_review"]


# Deleting is for editors


def test_contributor_cannot_delete_own_draft(contributor_client, own_draft):
    url = reverse("admin:articles_article_delete", args=[own_draft.pk])

    response = contributor_client.post(url, {"post": "yes"})

    assert response.status_code == 403
    assert Article.objects.filter(pk=own_draft.pk).exists()


def test_contributor_delete_action_is_refused(contributor_client, own_draft):
    run_action(contributor_client, "delete_selected", own_draft)

    assert Article.objects.filter(pk=own_draft.pk).exists()


# What they may pick but not change


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:articles_section_add",
        "admin:articles_author_add",
        "admin:faq_entry_add",
        "admin:faq_topic_add",
        "admin:taggit_tag_add",
        "admin:siteconfig_sitesettings_add",
        "admin:auth_user_changelist",
        "admin:auth_group_changelist",
    ],
)
def test_contributor_cannot_open_editors_pages(contributor_client, url_name):
    assert contributor_client.get(reverse(url_name)).status_code == 403


def test_contributor_cannot_change_a_section(contributor_client, section):
    url = reverse("admin:articles_section_change", args=[section.pk])

    response = contributor_client.post(
        url, {"name": "Renamed", "slug": "renamed", "order": "0"}
    )

    assert response.status_code == 403
    section.refresh_from_db()
    assert section.name == "News"


@pytest.mark.parametrize(
    ("model_name", "field_name", "term", "found"),
    [
        ("article", "section", "Sci", "Science"),
        ("byline", "author", "Ada", "Ada Writer"),
    ],
)
def test_contributor_can_search_sections_and_authors_to_pick_them(
    contributor_client, model_name, field_name, term, found
):
    make_section(name="Science")
    make_author(name="Ada Writer")

    response = contributor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": model_name,
            "field_name": field_name,
            "term": term,
        },
    )

    assert [item["text"] for item in response.json()["results"]] == [found]
