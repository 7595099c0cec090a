"""Crafted admin POSTs with ids that can't be ids get a 4xx or a form error, never a 500.

Found by probing every registered ModelAdmin with the test client: list actions on
`_selected_action=abc` (or a number past the column's range), and autocomplete
pickers posted such a value, failed deep in the ORM.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from articles.models import Article
from faq.models import Entry
from sharing.models import ShareLink
from tests.admin_form import form_data
from tests.factories import make_article, make_author, make_entry

pytestmark = pytest.mark.django_db

NOT_IDS = ["abc", "1.5", "99999999999999999999999"]
CHANGELISTS = sorted(
    f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
    for model in admin.site._registry
)


@pytest.fixture
def superuser_client(role_groups):
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("boss", password="x" * 20))
    return client


@pytest.mark.parametrize("not_id", NOT_IDS)
@pytest.mark.parametrize("changelist", CHANGELISTS)
def test_list_action_on_a_malformed_id_is_a_bad_request(
    superuser_client, changelist, not_id
):
    response = superuser_client.post(
        reverse(changelist),
        {"action": "delete_selected", "_selected_action": [not_id], "index": "0"},
    )

    assert response.status_code == 400


def test_list_action_on_real_ids_still_works(superuser_client):
    article = make_article()

    superuser_client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [article.pk],
            "index": "0",
            "post": "yes",
        },
    )

    assert not Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("not_id", NOT_IDS)
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_malformed_id_in_an_address_is_not_a_server_error(
    superuser_client, view, not_id
):
    url = reverse(f"admin:articles_article_{view}", args=[not_id])

    assert superuser_client.get(url).status_code < 500
    assert superuser_client.post(url).status_code < 500


def article_form(client):
    article = make_article(authors=[make_author()])
    return reverse("admin:articles_article_change", args=[article.pk])


def entry_form(client):
    return reverse("admin:faq_entry_change", args=[make_entry().pk])


def share_link_form(client):
    make_article()
    return reverse("admin:sharing_sharelink_add")


# Autocomplete pickers: each model admin's form, and a field to post a non-id in.
PICKERS = [
    (article_form, "article_form", "section"),
    (article_form, "article_form", "hero"),
    (article_form, "article_form", "bylines-0-author"),
    (entry_form, "entry_form", "topic"),
    (share_link_form, "sharelink_form", "article"),
]


@pytest.mark.parametrize("not_id", NOT_IDS)
@pytest.mark.parametrize(
    ("open_form", "form_id", "field"),
    PICKERS,
    ids=[f"{form_id}-{field}" for _, form_id, field in PICKERS],
)
def test_malformed_id_in_a_picker_is_a_form_error(
    superuser_client, open_form, form_id, field, not_id
):
    url = open_form(superuser_client)
    data = form_data(superuser_client.get(url), form_id, **{field: not_id})

    response = superuser_client.post(url, data)

    assert response.status_code == 200  # The form again, with the error.
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("not_id", NOT_IDS)
def test_malformed_permission_id_on_a_group_is_a_form_error(superuser_client, not_id):
    group = Group.objects.get(name="Editor")
    url = reverse("admin:auth_group_change", args=[group.pk])
    data = form_data(superuser_client.get(url), "group_form", permissions=[not_id])

    response = superuser_client.post(url, data)

    assert response.status_code == 200


def test_nothing_was_saved_by_a_malformed_picker_post(superuser_client):
    entries = Entry.objects.count()
    links = ShareLink.objects.count()
    url = share_link_form(superuser_client)
    data = form_data(superuser_client.get(url), "sharelink_form", article="abc")

    superuser_client.post(url, data)

    assert (Entry.objects.count(), ShareLink.objects.count()) == (entries, links)
