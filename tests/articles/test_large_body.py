"""A very long body gets a form error that keeps the text; an oversized post a 413 page."""

import pytest
from django.conf import settings
from pytest_django.asserts import assertContains

from articles.forms import BODY_MAX_CHARS
from articles.models import Article, Status
from tests.admin_form import change_url, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def words(count_chars):
    """Plain words (nothing to escape), count_chars characters long."""
    return ("Claude reads long documents. " * (count_chars // 29 + 1))[:count_chars]


def test_eleven_megabyte_body_reaches_the_form_and_is_refused(editor_client):
    article = make_article(status=Status.DRAFT, body="<p>Before</p>")
    url = change_url(article)
    typed = words(11 * MB)

    response = editor_client.post(url, form_data(editor_client.get(url), body=typed))

    assertContains(response, f"at most {BODY_MAX_CHARS:,} characters")
    assert Article.objects.get().body == "<p>Before</p>"


def test_refused_long_body_is_still_in_the_form(editor_client):
    article = make_article(status=Status.DRAFT)
    url = change_url(article)
    typed = words(11 * MB)

    response = editor_client.post(url, form_data(editor_client.get(url), body=typed))

    assert typed in response.content.decode()


def test_body_at_the_limit_is_accepted_by_the_form(editor_client):
    article = make_article(status=Status.DRAFT)
    url = change_url(article)
    typed = words(BODY_MAX_CHARS)
    data = form_data(editor_client.get(url), body=typed)

    response = editor_client.post(url, data)

    assert response.status_code == 302
    assert len(Article.objects.get().body) == BODY_MAX_CHARS


def test_post_over_the_hard_limit_gets_a_page_explaining_it(editor_client):
    article = make_article(status=Status.DRAFT)
    body = b"body=" + b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = editor_client.post(
        change_url(article), body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 413
    assertContains(response, "32 MB", status_code=413)
    assertContains(response, f"{BODY_MAX_CHARS:,} characters", status_code=413)
    assertContains(response, 'id="site-disclaimer"', status_code=413)
