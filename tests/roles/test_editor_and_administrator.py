"""Editors run the newsroom's content; administrators also the site and its accounts."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from taggit.models import Tag

from articles.models import Article, Author, Section, Status
from faq.models import Entry, Topic
from siteconfig.models import SiteSettings
from tests.admin_form import form_data, post_change_form
from tests.factories import make_article, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator_client(administrator):
    client = Client()
    client.force_login(administrator)
    return client


def add(client, model, **fields):
    """Fill in and save a model's admin add form, as its page renders it."""
    app_label, model_name = model._meta.app_label, model._meta.model_name
    url = reverse(f"admin:{app_label}_{model_name}_add")
    return client.post(url, form_data(client.get(url), f"{model_name}_form", **fields))


# Editors: articles, whoever wrote them


def test_editor_edits_a_contributors_draft(editor_client, contributor):
    draft = make_article(status=Status.DRAFT, created_by=contributor)

    response = post_change_form(editor_client, draft, title="Tightened headline")

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Tightened headline"


def test_editor_gets_publish_schedule_and_submit_buttons(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))

    for value, label in [
        ("submit_for_review", "Submit for review"),
        ("publish", "Publish"),
        ("schedule", "Schedule"),
    ]:
        assertContains(
            response,
            f'<button type="submit" name="_transition" value="{value}" '
            f'class="transition-button">{label}</button>',
            html=True,
        )
    assertNotContains(response, 'name="status"')


def test_editor_deletes_an_article(editor_client):
    article = make_article()

    editor_client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert not Article.objects.filter(pk=article.pk).exists()


def test_article_created_in_admin_records_its_writer(editor_client, editor, section):
    url = reverse("admin:articles_article_add")
    data = form_data(
        editor_client.get(url),
        title="By the editor",
        slug="by-the-editor",
        section=section.pk,
        **{"bylines-0-author": Author.objects.create(name="A", slug="a").pk},
    )

    editor_client.post(url, data)

    assert Article.objects.get(slug="by-the-editor").created_by == editor


# Editors: sections, authors, FAQ, tags


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Section, {"name": "Science", "slug": "science"}),
        (Author, {"name": "Ada Writer", "slug": "ada-writer"}),
        (Topic, {"name": "Pricing", "slug": "pricing"}),
    ],
    ids=["section", "author", "faq-topic"],
)
def test_editor_creates_sections_authors_and_topics(editor_client, model, fields):
    response = add(editor_client, model, **fields)

    assert response.status_code == 302
    assert model.objects.filter(slug=fields["slug"]).exists()


def test_editor_writes_a_faq_entry(editor_client):
    response = add(
        editor_client,
        Entry,
        question="Is Claude free?",
        slug="is-claude-free",
        answer="<p>There is a free plan.</p>",
        topic=make_topic().pk,
    )

    assert response.status_code == 302
    assert Entry.objects.filter(slug="is-claude-free").exists()


def test_editor_renames_a_tag(editor_client):
    make_article(tags=["saftey"])
    tag = Tag.objects.get(slug="saftey")
    url = reverse("admin:taggit_tag_change", args=[tag.pk])

    editor_client.post(
        url, form_data(editor_client.get(url), "tag_form", name="safety")
    )

    tag.refresh_from_db()
    assert tag.name == "safety"


# Site settings and accounts: administrators only


SITE_AND_ACCOUNT_PAGES = [
    "admin:siteconfig_sitesettings_add",
    "admin:auth_user_changelist",
    "admin:auth_user_add",
    "admin:auth_group_changelist",
]


@pytest.mark.parametrize("url_name", SITE_AND_ACCOUNT_PAGES)
def test_editor_cannot_open_site_settings_or_accounts(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403


@pytest.mark.parametrize("url_name", SITE_AND_ACCOUNT_PAGES)
def test_administrator_opens_site_settings_and_accounts(administrator_client, url_name):
    assert administrator_client.get(reverse(url_name)).status_code == 200


def test_editor_cannot_change_a_users_rights(editor_client, contributor):
    url = reverse("admin:auth_user_change", args=[contributor.pk])

    response = editor_client.post(
        url, {"username": "contributor", "is_superuser": "on"}
    )

    assert response.status_code == 403
    contributor.refresh_from_db()
    assert not contributor.is_superuser


def test_administrator_changes_the_site_name(administrator_client, client):
    add(administrator_client, SiteSettings, site_name="Claude Weekly")

    assertContains(client.get(reverse("articles:index")), "Claude Weekly")


def test_administrator_creates_a_user_account(administrator_client):
    response = add(
        administrator_client,
        User,
        username="newcomer",
        password1="a-long-unusual-passphrase",
        password2="a-long-unusual-passphrase",
    )

    assert response.status_code == 302
    assert User.objects.filter(username="newcomer").exists()


def test_administrator_publishes_like_an_editor(administrator_client, client):
    draft = make_article(status=Status.DRAFT)

    post_change_form(administrator_client, draft, _transition="publish")

    assert client.get(draft.get_absolute_url()).status_code == 200


def test_administrator_gives_a_user_a_role(administrator_client, role_groups):
    user = User.objects.create_user("newcomer", is_staff=True)
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = form_data(administrator_client.get(url), "user_form")

    administrator_client.post(
        url, {**data, "groups": Group.objects.get(name="Editor").pk}
    )

    assert [group.name for group in user.groups.all()] == ["Editor"]


def test_administrator_cannot_make_anyone_a_superuser(
    administrator_client, administrator
):
    url = reverse("admin:auth_user_change", args=[administrator.pk])
    data = form_data(administrator_client.get(url), "user_form", is_superuser="on")

    administrator_client.post(url, data)

    administrator.refresh_from_db()
    assert not administrator.is_superuser
