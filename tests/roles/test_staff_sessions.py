"""Staff sessions: a hardened cookie of 12 hours, ended everywhere by a new password."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "the-owners-passphrase"
NEW_PASSWORD = "a-long-unusual-passphrase"


@pytest.fixture
def owner(db):
    return User.objects.create_user("owner", password=PASSWORD, is_staff=True)


def log_in(client, username="owner", password=PASSWORD):
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
    )
    assert response.status_code == 302
    return response


def is_logged_in(client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


def test_session_cookie_of_a_real_login_is_hardened(client, owner):
    cookie = log_in(client).cookies["sessionid"]

    assert cookie["httponly"]
    assert cookie["secure"]  # Debug is off in tests, as in production.
    assert cookie["samesite"] == "Lax"


def test_session_cookie_lasts_twelve_hours(client, owner):
    cookie = log_in(client).cookies["sessionid"]

    assert cookie["max-age"] == 12 * 60 * 60


def test_changing_ones_password_logs_out_the_other_sessions(owner):
    here, elsewhere = Client(), Client()
    log_in(here)
    log_in(elsewhere)

    response = here.post(
        reverse("admin:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    assert (is_logged_in(here), is_logged_in(elsewhere)) == (True, False)


def test_password_set_by_an_administrator_logs_the_user_out(administrator, editor):
    editor.set_password(PASSWORD)
    editor.save()
    editor_client, admin_client = Client(), Client()
    log_in(editor_client, "editor")
    log_in(admin_client, "administrator", "pw")

    admin_client.post(
        reverse("admin:auth_user_password_change", args=[editor.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert not is_logged_in(editor_client)
