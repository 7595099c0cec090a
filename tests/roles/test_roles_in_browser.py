"""The pages only contributors and editors see run under our CSP, in a real browser.

Like tests/test_browser_csp.py, these skip without Debian's chromium and
chromium-driver, unless NEWSROOM_REQUIRE_BROWSER=1.
"""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from selenium.webdriver.common.by import By

from articles.models import Status
from tests.browser import csp_messages, log_in as browser_log_in
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def log_in(browser, live_server):
    """Log the browser in as a given user; a fresh Client each, as tests switch users."""
    return lambda user: browser_log_in(browser, live_server, Client(), user)


def open_page(browser, live_server, path):
    browser.get(live_server.url + path)
    # Guard: we are on the page itself, not redirected to the login form.
    assert urlsplit(browser.current_url).path == path


def test_contributors_form_with_editors_note_has_no_csp_violations(
    log_in, live_server, contributor
):
    article = make_article(
        status=Status.DRAFT, created_by=contributor, review_comment="Add a source."
    )
    browser = log_in(contributor)

    open_page(
        browser,
        live_server,
        reverse("admin:articles_article_change", args=[article.pk]),
    )

    heading = browser.find_element(By.CSS_SELECTOR, "fieldset h2")  # The first.
    assert heading.text == "Note from your editor"
    assert csp_messages(browser) == []


def test_contributors_read_only_view_has_no_csp_violations(
    log_in, live_server, contributor
):
    article = make_article(status=Status.IN_REVIEW, created_by=contributor)
    browser = log_in(contributor)

    open_page(
        browser,
        live_server,
        reverse("admin:articles_article_change", args=[article.pk]),
    )

    assert csp_messages(browser) == []


def test_review_queue_with_articles_has_no_csp_violations(log_in, live_server, editor):
    make_article(status=Status.IN_REVIEW)
    browser = log_in(editor)

    open_page(browser, live_server, reverse("admin:roles_articleinreview_changelist"))

    assert browser.find_element(By.NAME, "review_comment").is_displayed()
    assert csp_messages(browser) == []
