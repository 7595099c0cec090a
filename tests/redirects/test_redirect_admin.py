"""Editors manage redirects in the admin; contributors don't see them."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from redirects.models import Redirect
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:redirects_redirect_add")
CHANGELIST_URL = reverse("admin:redirects_redirect_changelist")


def add(client, old_path, target):
    return client.post(ADD_URL, {"old_path": old_path, "target": target})


def test_editor_adds_a_redirect_that_readers_follow(editor_client, client):
    article = make_article()

    add(editor_client, "2023/old-post.html", article.get_absolute_url())

    response = client.get("/2023/old-post.html")
    assert (response.status_code, response["Location"]) == (
        301,
        article.get_absolute_url(),
    )


def test_redirect_added_by_hand_is_not_automatic(editor_client):
    add(editor_client, "/old/", "/new/")

    assert Redirect.objects.get(old_path="/old/").is_automatic is False


def test_loop_is_refused_in_the_form_and_nothing_is_saved(editor_client):
    Redirect.objects.create(old_path="/a/", target="/b/")

    response = add(editor_client, "/b/", "/a/")

    assertContains(response, "This would send /b/ back to itself through /a/.")
    assert Redirect.objects.count() == 1


def test_self_redirect_is_refused_in_the_form(editor_client, settings):
    settings.SITE_URL = "https://news.example"

    response = add(editor_client, "/a/", "https://news.example/a/?x=1")

    assertContains(response, "A redirect can&#x27;t lead to its own address, /a/.")
    assert not Redirect.objects.exists()


def test_list_tells_automatic_redirects_from_manual_ones(editor_client):
    article = make_article(slug="renamed-from")
    article.slug = "renamed-to"
    article.save()
    Redirect.objects.create(old_path="/by-hand/", target="/")

    response = editor_client.get(CHANGELIST_URL, {"is_automatic__exact": "1"})

    assertContains(response, "/articles/renamed-from/")
    assert "/by-hand/" not in response.content.decode()


def test_search_finds_redirects_by_path(editor_client):
    Redirect.objects.create(old_path="/wanted-page/", target="/new/")
    Redirect.objects.create(old_path="/other-page/", target="/new/")

    response = editor_client.get(CHANGELIST_URL, {"q": "wanted"})

    assertContains(response, "/wanted-page/")
    assert "/other-page/" not in response.content.decode()


def test_editor_changes_a_redirect(editor_client):
    redirect = Redirect.objects.create(old_path="/old/", target="/new/")

    editor_client.post(
        reverse("admin:redirects_redirect_change", args=[redirect.pk]),
        {"old_path": "/old/", "target": "/newer/"},
    )

    redirect.refresh_from_db()
    assert redirect.target == "/newer/"


def test_contributor_cannot_open_redirects(contributor_client):
    assert contributor_client.get(CHANGELIST_URL).status_code == 403


def test_contributor_cannot_add_a_redirect(contributor_client):
    add(contributor_client, "/old/", "/new/")

    assert not Redirect.objects.exists()
