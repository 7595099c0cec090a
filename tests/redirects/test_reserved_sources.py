"""A redirect never takes over the admin, the site's machinery or a live page."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Status
from redirects.models import Redirect
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:redirects_redirect_add")
ELSEWHERE = "https://elsewhere.example/"


def add(client, old_path, target=ELSEWHERE):
    return client.post(ADD_URL, {"old_path": old_path, "target": target})


@pytest.mark.parametrize(
    ("old_path", "reason"),
    [
        ("/admin", "the admin"),
        ("/admin/", "the admin"),
        ("/admin/articles/article/", "the admin"),
        ("/preview", "share-link previews"),
        ("/preview/abcdefgh/", "share-link previews"),
        ("/static/css/site.css", "static files"),
        ("/media/articles/photo.jpg", "uploaded files"),
        ("/healthz", "health checks"),
        ("/readyz/", "health checks"),
    ],
)
def test_system_address_is_refused_with_the_reason(editor_client, old_path, reason):
    response = add(editor_client, old_path)

    assertContains(response, reason)
    assert not Redirect.objects.exists()


@pytest.mark.parametrize("old_path", ["/", "/news", "/news/", "/faq", "/robots.txt"])
def test_address_of_a_site_page_is_refused(editor_client, old_path):
    response = add(editor_client, old_path)

    assertContains(response, "a live page answers at")
    assert not Redirect.objects.exists()


@pytest.mark.parametrize("suffix", ["/", ""])
def test_live_article_address_is_refused_with_or_without_slash(editor_client, suffix):
    make_article(slug="still-live")

    response = add(editor_client, f"/articles/still-live{suffix}")

    assertContains(response, "a live page answers at /articles/still-live/")
    assert not Redirect.objects.exists()


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: make_section(slug="guides"), "/section/guides"),
        (lambda: make_author(slug="maya"), "/author/maya/"),
        (lambda: make_article(tags=["claude"]), "/tag/claude"),
        (lambda: make_section(slug="guides"), "/section/guides/rss/"),
    ],
)
def test_live_section_author_or_tag_page_is_refused(editor_client, make, path):
    make()

    response = add(editor_client, path)

    assertContains(response, "a live page answers at")
    assert not Redirect.objects.exists()


def test_address_of_an_unpublished_article_can_be_redirected(editor_client):
    make_article(slug="pulled", status=Status.DRAFT)

    response = add(editor_client, "/articles/pulled/")

    assert response.status_code == 302
    assert Redirect.objects.filter(old_path="/articles/pulled/").exists()


def test_address_of_a_missing_section_can_be_redirected(editor_client):
    response = add(editor_client, "/section/gone/")

    assert response.status_code == 302


# Rows saved before the form refused them must not work either.


@pytest.mark.parametrize("old_path", ["/admin", "/admin/", "/healthz", "/preview/x/"])
def test_old_row_for_a_system_address_is_not_followed(client, old_path):
    Redirect.objects.create(old_path=old_path, target=ELSEWHERE)

    response = client.get(old_path)

    assert response.get("Location") != ELSEWHERE


def test_old_row_for_live_article_without_slash_is_not_followed(client):
    article = make_article(slug="still-live")
    Redirect.objects.create(old_path="/articles/still-live", target=ELSEWHERE)

    response = client.get("/articles/still-live")

    assert (response.status_code, response["Location"]) == (
        301,
        article.get_absolute_url(),
    )


def test_old_row_for_an_article_taken_offline_still_works(client):
    make_article(slug="pulled", status=Status.DRAFT)
    Redirect.objects.create(old_path="/articles/pulled/", target=ELSEWHERE)

    response = client.get("/articles/pulled/")

    assert (response.status_code, response["Location"]) == (301, ELSEWHERE)
