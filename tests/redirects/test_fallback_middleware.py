"""Redirects answer only what would be a 404, with a 301, keeping the query string."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertRedirects

from redirects.models import Redirect
from tests.factories import make_article

pytestmark = pytest.mark.django_db

MIDDLEWARE = "redirects.middleware.RedirectFallbackMiddleware"


def test_manual_redirect_answers_with_a_permanent_redirect(client):
    article = make_article()
    Redirect.objects.create(
        old_path="/2023/old-post.html", target=article.get_absolute_url()
    )

    assertRedirects(
        client.get("/2023/old-post.html"),
        article.get_absolute_url(),
        status_code=301,
        target_status_code=200,
    )


def test_redirect_to_another_site(client):
    Redirect.objects.create(old_path="/docs/", target="https://docs.example.org/")

    response = client.get("/docs/")

    assert (response.status_code, response["Location"]) == (
        301,
        "https://docs.example.org/",
    )


def test_query_string_is_ignored_to_match_and_kept_on_the_way(client):
    Redirect.objects.create(old_path="/old/", target="/new/")

    response = client.get("/old/", {"utm_source": "newsletter"})

    assert response["Location"] == "/new/?utm_source=newsletter"


def test_address_without_its_trailing_slash_is_redirected_in_one_hop(client):
    Redirect.objects.create(old_path="/old/", target="/new/")

    response = client.get("/old")

    assert (response.status_code, response["Location"]) == (301, "/new/")


def test_redirect_never_shadows_a_live_page(client):
    article = make_article(slug="live-page")
    Redirect.objects.create(old_path=article.get_absolute_url(), target="/elsewhere/")

    assert client.get(article.get_absolute_url()).status_code == 200


def test_unknown_address_still_answers_not_found(client):
    Redirect.objects.create(old_path="/old/", target="/new/")

    assert client.get("/never-existed/").status_code == 404


def test_form_posted_to_an_old_address_is_not_redirected(client):
    Redirect.objects.create(old_path="/old/", target="/new/")

    assert client.post("/old/").status_code == 404


def test_each_redirect_counts_its_hits(client):
    redirect = Redirect.objects.create(old_path="/old/", target="/new/")

    client.get("/old/")
    client.get("/old/")

    redirect.refresh_from_db()
    assert redirect.hit_count == 2
    assert redirect.last_hit_at is not None


def test_found_page_costs_the_same_queries_with_redirects(client, settings):
    url = make_article().get_absolute_url()
    client.get(url)  # Warm the site settings cache.
    with CaptureQueriesContext(connection) as with_redirects:
        client.get(url)
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]

    with CaptureQueriesContext(connection) as without_redirects:
        client.get(url)

    assert len(with_redirects) == len(without_redirects)


def test_found_page_never_reads_the_redirects(client):
    url = make_article().get_absolute_url()

    with CaptureQueriesContext(connection) as queries:
        client.get(url)

    assert not [query for query in queries if "redirects_redirect" in query["sql"]]
