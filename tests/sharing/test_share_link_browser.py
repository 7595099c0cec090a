"""In a real browser, making a share link runs under our CSP with no violations."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from articles.models import Status
from tests.browser import click, csp_messages, wait_for
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_created_link_page_shows_address_without_csp_violations(
    logged_in_browser, live_server
):
    draft = make_article(title="Embargoed scoop", status=Status.DRAFT)
    add_url = reverse("admin:sharing_sharelink_add")
    logged_in_browser.get(f"{live_server.url}{add_url}?article={draft.pk}")

    click(logged_in_browser, logged_in_browser.find_element(By.NAME, "_save"))

    # The click only starts the POST: wait for the page it leads to.
    address = wait_for(
        logged_in_browser, lambda browser: browser.find_element(By.ID, "share-url")
    )
    assert "/preview/" in address.get_attribute("value")
    assert csp_messages(logged_in_browser) == []
