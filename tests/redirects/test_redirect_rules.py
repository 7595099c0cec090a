"""Redirects stay simple for readers: normalized paths, no chains, no loops."""

import pytest
from django.core.exceptions import ValidationError

from redirects.models import Redirect

pytestmark = pytest.mark.django_db


def make_redirect(old_path, target):
    return Redirect.objects.create(old_path=old_path, target=target)


def errors_of(redirect):
    with pytest.raises(ValidationError) as caught:
        redirect.full_clean()
    return caught.value.message_dict


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("old-page/", "/old-page/"),
        ("  /old-page/  ", "/old-page/"),
        ("https://news.example/old-page/?utm_source=x#top", "/old-page/"),
        ("/caf%C3%A9/", "/café/"),
    ],
)
def test_old_address_is_stored_as_a_bare_path(typed, stored):
    assert make_redirect(typed, "/new/").old_path == stored


def test_target_without_a_leading_slash_gets_one():
    assert make_redirect("/old/", "articles/new/").target == "/articles/new/"


def test_full_address_on_this_site_is_stored_as_a_path(settings):
    settings.SITE_URL = "https://news.example"

    redirect = make_redirect("/old/", "https://news.example/articles/new/?ref=1")

    assert redirect.target == "/articles/new/?ref=1"


def test_address_on_another_site_is_kept_whole():
    target = "https://docs.example.org/claude/"

    assert make_redirect("/old/", target).target == target


@pytest.mark.parametrize("target", ["javascript:alert(1)", "//evil.example/x"])
def test_target_that_is_no_web_address_is_refused(target):
    assert "target" in errors_of(Redirect(old_path="/old/", target=target))


def test_redirect_from_the_admin_is_refused():
    assert "old_path" in errors_of(Redirect(old_path="/admin/", target="/"))


def test_new_redirect_to_a_redirected_address_points_past_it():
    make_redirect("/b/", "/c/")

    assert make_redirect("/a/", "/b/").target == "/c/"


def test_redirects_to_a_newly_redirected_address_point_past_it():
    first = make_redirect("/a/", "/b/")

    make_redirect("/b/", "/c/")

    first.refresh_from_db()
    assert first.target == "/c/"


def test_collapsed_chain_keeps_the_query_of_the_first_hop():
    make_redirect("/b/", "/c/")

    assert make_redirect("/a/", "/b/?ref=a").target == "/c/?ref=a"


def test_self_redirect_is_refused():
    assert errors_of(Redirect(old_path="/a/", target="/a/")) == {
        "target": ["A redirect can't lead to its own address, /a/."]
    }


def test_loop_is_refused_with_the_way_it_closes():
    make_redirect("/a/", "/b/")

    assert errors_of(Redirect(old_path="/b/", target="/a/")) == {
        "target": ["This would send /b/ back to itself through /a/."]
    }


def test_loop_is_refused_when_saved_without_a_form():
    make_redirect("/a/", "/b/")

    with pytest.raises(ValidationError):
        make_redirect("/b/", "/a/")
    assert Redirect.objects.filter(old_path="/b/").count() == 0


def test_second_redirect_from_the_same_address_is_refused():
    make_redirect("/a/", "/b/")

    assert errors_of(Redirect(old_path="a/", target="/c/")) == {
        "old_path": ["There is already a redirect from this address: change that one."]
    }
