"""Real-browser fixtures: Debian's Chromium driven by Selenium, never a download.

Without chromium and chromium-driver the tests that use them skip, unless
NEWSROOM_REQUIRE_BROWSER=1 (as in CI), where they fail.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from selenium import webdriver
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# How long a browser test waits for the condition it needs next. Generous, because a
# met condition returns at once and a loaded 2-core machine can take seconds per page.
WAIT_SECONDS = 30


@pytest.fixture(scope="module")
def browser():
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        reason = (
            f"Chromium is not installed ({', '.join(missing)} missing): "
            "apt-get install chromium chromium-driver"
        )
        if os.environ.get("NEWSROOM_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path means Selenium Manager never downloads anything.
    driver = webdriver.Chrome(
        service=Service(executable_path=str(CHROMEDRIVER)), options=options
    )
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


@pytest.fixture
def logged_in_browser(browser, live_server, client, django_user_model):
    """The browser, on the live server, with a superuser's session cookie."""
    user = django_user_model.objects.create_superuser("chief", password="pw")
    return log_in(browser, live_server, client, user)


def log_in(browser, live_server, client, user):
    """Give the browser user's session, made by client, on the live server."""
    client.force_login(user)
    browser.delete_all_cookies()
    browser.get(live_server.url + "/favicon.ico")  # A cookie needs its origin open.
    browser.add_cookie(
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "path": "/",
        }
    )
    csp_messages(browser)  # Start each page with an empty console.
    return browser


def csp_messages(driver):
    """Console messages about the CSP since the last call (reading empties the log)."""
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry["message"]
    ]


def wait_for(driver, condition):
    """Wait until condition(driver) is truthy, and return what it returned."""
    return WebDriverWait(driver, WAIT_SECONDS).until(condition)


def click(driver, element):
    """Click element once nothing covers it.

    A page still laying out (the admin's editor and pickers load after the page)
    can put another element over it for a moment; Chromium then refuses the click,
    and nothing happened, so trying again is safe.
    """

    def clicked(driver):
        try:
            element.click()
        except ElementClickInterceptedException:
            return False
        return True

    wait_for(driver, clicked)
