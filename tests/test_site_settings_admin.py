import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertNotContains, assertRedirects

from siteconfig.models import SiteSettings

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:siteconfig_sitesettings_changelist")
ADD_URL = reverse("admin:siteconfig_sitesettings_add")
CHANGE_URL = reverse("admin:siteconfig_sitesettings_change", args=[1])


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", password="pw")
    client.force_login(user)
    return client


def form_data(**overrides):
    data = {
        "site_name": "Claude News",
        "tagline": "News about Claude.",
        "disclaimer": "Independent, not affiliated with Anthropic.",
    }
    data.update(overrides)
    return data


def footer_disclaimer(response):
    html = response.content.decode()
    match = re.search(r'<[^>]*id="site-disclaimer"[^>]*>(.*?)</', html, re.DOTALL)
    assert match, "no #site-disclaimer on the page"
    return match.group(1).strip()


def test_changelist_without_settings_redirects_to_add_form(superuser_client):
    response = superuser_client.get(CHANGELIST_URL)

    assertRedirects(response, ADD_URL)


def test_changelist_with_settings_redirects_to_the_one_row(superuser_client):
    SiteSettings.objects.create()

    response = superuser_client.get(CHANGELIST_URL)

    assertRedirects(response, CHANGE_URL)


def test_first_save_creates_the_one_row(superuser_client):
    response = superuser_client.post(ADD_URL, form_data(), follow=True)

    assert response.redirect_chain[-1][0] == CHANGE_URL
    assert SiteSettings.objects.get().pk == 1


def test_add_form_does_not_offer_save_and_add_another(superuser_client):
    response = superuser_client.get(ADD_URL)

    assertNotContains(response, 'name="_addanother"')


def test_saved_disclaimer_shows_in_footer(superuser_client, client):
    SiteSettings.objects.create()
    # Render once so the old settings are in the cache, as on a live site.
    client.get(reverse("articles:index"))

    superuser_client.post(
        CHANGE_URL, form_data(disclaimer="Read this: we are independent.")
    )
    superuser_client.logout()

    response = client.get(reverse("articles:index"))
    assert footer_disclaimer(response) == "Read this: we are independent."


def test_second_row_cannot_be_added(superuser_client):
    SiteSettings.objects.create()

    response = superuser_client.post(ADD_URL, form_data(disclaimer="A second row"))

    assert response.status_code == 403
    assert SiteSettings.objects.count() == 1


def test_change_form_does_not_offer_delete(superuser_client):
    SiteSettings.objects.create()

    response = superuser_client.get(CHANGE_URL)

    assert response.status_code == 200
    assertNotContains(response, "deletelink")


def test_delete_page_is_forbidden(superuser_client):
    SiteSettings.objects.create()

    response = superuser_client.post(
        reverse("admin:siteconfig_sitesettings_delete", args=[1]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert SiteSettings.objects.exists()


def test_staff_without_permission_cannot_add_settings(editor_client):
    response = editor_client.post(ADD_URL, form_data())

    assert response.status_code == 403
    assert not SiteSettings.objects.exists()
