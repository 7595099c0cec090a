"""A published article's old address redirects, in one hop, to where it is now."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertRedirects

from articles.models import Status
from redirects.models import Redirect
from tests.admin_form import post_change_form
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def detail_url(slug):
    return reverse("articles:detail", args=[slug])


def rename(article, slug):
    article.slug = slug
    article.save()


def test_renamed_article_old_address_redirects_permanently_to_the_new(client):
    article = make_article(slug="first-name")

    rename(article, "second-name")

    assertRedirects(
        client.get(detail_url("first-name")),
        detail_url("second-name"),
        status_code=301,
        target_status_code=200,
    )


def test_article_renamed_in_the_admin_redirects(editor_client, client):
    article = make_article(slug="before-edit")

    post_change_form(editor_client, article, slug="after-edit")

    assertRedirects(
        client.get(detail_url("before-edit")),
        detail_url("after-edit"),
        status_code=301,
    )


def test_article_renamed_twice_sends_the_first_address_straight_to_the_newest(
    client,
):
    article = make_article(slug="one")
    rename(article, "two")

    rename(article, "three")

    # The target answers 200 itself: one hop, no chain.
    assertRedirects(
        client.get(detail_url("one")),
        detail_url("three"),
        status_code=301,
        target_status_code=200,
    )


def test_article_renamed_back_is_live_again_at_its_first_address(client):
    article = make_article(slug="original")
    rename(article, "detour")

    rename(article, "original")

    assert client.get(detail_url("original")).status_code == 200
    assert not Redirect.objects.filter(old_path=detail_url("original")).exists()


def test_article_renamed_back_takes_its_other_old_addresses_along(client):
    article = make_article(slug="original")
    rename(article, "detour")
    rename(article, "other-detour")

    rename(article, "original")

    for old in ("detour", "other-detour"):
        assertRedirects(
            client.get(detail_url(old)), detail_url("original"), status_code=301
        )


def test_manual_redirect_to_a_renamed_article_follows_it(client):
    article = make_article(slug="target-before")
    Redirect.objects.create(
        old_path="/legacy/page.html", target="/articles/target-before/"
    )

    rename(article, "target-after")

    assertRedirects(
        client.get("/legacy/page.html"), detail_url("target-after"), status_code=301
    )


def test_renamed_draft_leaves_no_redirect(client):
    article = make_article(slug="draft-first", status=Status.DRAFT)

    rename(article, "draft-second")

    assert not Redirect.objects.exists()


def test_renamed_scheduled_article_leaves_no_redirect():
    article = make_article(
        slug="scheduled-first", published_at=timezone.now() + timedelta(days=1)
    )

    rename(article, "scheduled-second")

    assert not Redirect.objects.exists()


def test_article_unpublished_and_renamed_at_once_still_redirects():
    article = make_article(slug="was-live")
    article.status = Status.DRAFT

    rename(article, "now-draft")

    assert Redirect.objects.get(old_path=detail_url("was-live")).target == (
        detail_url("now-draft")
    )


def test_saving_without_changing_the_slug_makes_no_redirect():
    article = make_article(slug="steady")
    article.title = "A new headline"

    article.save()

    assert not Redirect.objects.exists()


def test_saving_an_article_costs_one_query_to_compare_addresses():
    article = make_article(slug="counted")
    article.title = "A new headline"
    # A save that can't change the slug or status doesn't compare addresses.
    with CaptureQueriesContext(connection) as without_comparing:
        article.save(update_fields=["title"])

    with CaptureQueriesContext(connection) as saved:
        article.save()

    assert len(saved) == len(without_comparing) + 1


def test_new_article_at_a_redirected_address_replaces_the_redirect(client):
    moved = make_article(slug="taken-back")
    rename(moved, "moved-away")

    make_article(slug="taken-back")

    assert client.get(detail_url("taken-back")).status_code == 200
    assert not Redirect.objects.filter(old_path=detail_url("taken-back")).exists()


def test_draft_at_a_redirected_address_keeps_the_redirect_until_published(client):
    moved = make_article(slug="reused")
    rename(moved, "moved-on")
    draft = make_article(slug="reused", status=Status.DRAFT)
    assert Redirect.objects.filter(old_path=detail_url("reused")).exists()

    draft.status = Status.PUBLISHED
    draft.published_at = timezone.now() - timedelta(minutes=1)
    draft.save()

    assert not Redirect.objects.filter(old_path=detail_url("reused")).exists()


def test_deleting_an_article_keeps_the_redirects_to_it():
    article = make_article(slug="doomed-first")
    rename(article, "doomed")

    article.delete()

    assert Redirect.objects.get(old_path=detail_url("doomed-first")).target == (
        detail_url("doomed")
    )


def test_redirect_from_a_deleted_article_carries_its_old_addresses_along(client):
    article = make_article(slug="gone-first")
    rename(article, "gone")
    article.delete()
    replacement = make_article(slug="replacement")

    Redirect.objects.create(
        old_path=detail_url("gone"), target=replacement.get_absolute_url()
    )

    assertRedirects(
        client.get(detail_url("gone-first")),
        detail_url("replacement"),
        status_code=301,
    )
