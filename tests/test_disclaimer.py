import pytest
from django.test import Client
from django.urls import reverse

from siteconfig.models import DEFAULT_DISCLAIMER, SiteSettings
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(tags=["privacy"])


def page_urls(article):
    return {
        "home": reverse("articles:index"),
        "article": article.get_absolute_url(),
        "section": article.section.get_absolute_url(),
        "tag": reverse("articles:tag", args=["privacy"]),
        "author": article.byline_authors[0].get_absolute_url(),
        "corrections": reverse("corrections:index"),
        "404": "/no-such-page/",
    }


PAGE_TYPES = ["home", "article", "section", "tag", "author", "corrections", "404"]


def disclaimer_of(response) -> str:
    content = response.content.decode()
    start = content.index('id="site-disclaimer"')
    return content[content.index(">", start) + 1 : content.index("</p>", start)]


@pytest.mark.parametrize("page", PAGE_TYPES)
def test_default_disclaimer_is_on_every_page_type(client, article, page):
    response = client.get(page_urls(article)[page])
    assert response.status_code == (404 if page == "404" else 200)
    assert disclaimer_of(response) == DEFAULT_DISCLAIMER


@pytest.mark.parametrize("page", PAGE_TYPES)
def test_disclaimer_an_editor_changed_is_on_every_page_type(client, article, page):
    SiteSettings(disclaimer="Edited: we are independent & proud.").save()
    response = client.get(page_urls(article)[page])
    assert disclaimer_of(response) == "Edited: we are independent &amp; proud."


def test_default_disclaimer_names_the_outlet_and_denies_affiliation():
    assert DEFAULT_DISCLAIMER == (
        "Claude News is an independent publication, not affiliated with Anthropic."
    )


def test_server_error_page_carries_the_disclaimer(settings, article):
    settings.DEBUG = False
    SiteSettings(disclaimer="Independent, even when broken.").save()
    client = Client(raise_request_exception=False)
    settings.ROOT_URLCONF = "tests.urls_with_error"
    response = client.get("/boom/")
    assert response.status_code == 500
    assert disclaimer_of(response) == "Independent, even when broken."
