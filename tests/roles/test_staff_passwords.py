"""Staff passwords: at least 12 characters and not a common one, wherever they're set.

The demo's short passwords ("editor-demo", "admin") come only from demo_content,
which runs only with debug on (tests/test_demo_content.py checks that).
"""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.admin_form import form_data

pytestmark = pytest.mark.django_db

ELEVEN_CHARACTERS = "kq8#vLm2@xz"
COMMON = "qwertyuiop123"
GOOD = "a-long-unusual-passphrase"


def create_staff_user(password):
    call_command(
        "create_staff_user",
        "sam",
        "--role",
        "editor",
        "--password",
        password,
        stdout=StringIO(),
    )


@pytest.mark.parametrize("password", ["short", ELEVEN_CHARACTERS, COMMON])
def test_create_staff_user_refuses_a_weak_password(role_groups, password):
    with pytest.raises(CommandError):
        create_staff_user(password)

    assert not User.objects.filter(username="sam").exists()


def test_create_staff_user_says_how_long_a_password_must_be(role_groups):
    with pytest.raises(CommandError, match="at least 12 characters"):
        create_staff_user(ELEVEN_CHARACTERS)


def test_create_staff_user_accepts_a_long_unusual_passphrase(role_groups):
    create_staff_user(GOOD)

    assert User.objects.get(username="sam").check_password(GOOD)


@pytest.fixture
def administrator_client(client, administrator):
    client.force_login(administrator)
    return client


@pytest.mark.parametrize("password", [ELEVEN_CHARACTERS, COMMON])
def test_add_user_form_refuses_a_weak_password(administrator_client, password):
    url = reverse("admin:auth_user_add")
    data = form_data(
        administrator_client.get(url),
        "user_form",
        username="newcomer",
        password1=password,
        password2=password,
    )

    response = administrator_client.post(url, data)

    assert response.status_code == 200  # The form again, with the error.
    assert not User.objects.filter(username="newcomer").exists()


def test_set_password_form_refuses_eleven_characters(administrator_client, editor):
    url = reverse("admin:auth_user_password_change", args=[editor.pk])

    response = administrator_client.post(
        url, {"password1": ELEVEN_CHARACTERS, "password2": ELEVEN_CHARACTERS}
    )

    assertContains(response, "at least 12 characters")
    editor.refresh_from_db()
    assert not editor.check_password(ELEVEN_CHARACTERS)
