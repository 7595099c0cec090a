"""The change form's publishing buttons in a real browser, under our CSP.

Like tests/test_browser_csp.py, these skip without Debian's chromium and
chromium-driver, unless NEWSROOM_REQUIRE_BROWSER=1.
"""

import pytest
from django.test import Client
from django.urls import reverse
from selenium.webdriver.common.by import By

from articles.models import Article, Status
from tests.browser import click, csp_messages, log_in, wait_for
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def success_message(driver):
    found = driver.find_elements(By.CSS_SELECTOR, ".messagelist .success")
    return found[0].text if found else ""


def test_editor_publishes_with_the_button(browser, live_server, editor):
    article = make_article(
        title="Button pressed", slug="button-pressed", status=Status.DRAFT
    )
    log_in(browser, live_server, Client(), editor)
    browser.get(
        live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    )

    click(
        browser,
        browser.find_element(
            By.CSS_SELECTOR, 'button[name="_transition"][value="publish"]'
        ),
    )

    message = wait_for(browser, success_message)
    assert message == f"Published; live at {live_server.url}/articles/button-pressed/"
    assert Article.objects.get(pk=article.pk).is_published
    assert csp_messages(browser) == []


def test_writer_submits_with_the_button(browser, live_server, contributor):
    article = make_article(title="Mine", status=Status.DRAFT, created_by=contributor)
    log_in(browser, live_server, Client(), contributor)
    browser.get(
        live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    )
    assert not browser.find_elements(By.CSS_SELECTOR, 'button[value="publish"]')

    click(
        browser,
        browser.find_element(
            By.CSS_SELECTOR, 'button[name="_transition"][value="submit_for_review"]'
        ),
    )

    assert wait_for(browser, success_message).startswith("Submitted for review")
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW
    assert csp_messages(browser) == []
