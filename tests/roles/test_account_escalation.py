"""An administrator manages accounts, but can never rise above its own rights.

Each test is one route an administrator (not a superuser) tried over the real admin
forms: take over the superuser, or grant itself or anyone what it doesn't hold.
"""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.admin_form import form_data

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-unusual-passphrase"


@pytest.fixture
def administrator_client(administrator):
    client = Client()
    client.force_login(administrator)
    return client


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("boss", password="the-owners-passphrase")


@pytest.fixture
def powerful_group(db):
    """A group a superuser made, holding a permission no role has."""
    group = Group.objects.create(name="Security")
    group.permissions.add(Permission.objects.get(codename="delete_permission"))
    return group


def test_administrator_cannot_set_the_superusers_password(
    administrator_client, superuser
):
    url = reverse("admin:auth_user_password_change", args=[superuser.pk])

    response = administrator_client.post(
        url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 403
    superuser.refresh_from_db()
    assert not superuser.check_password(NEW_PASSWORD)


def test_administrator_cannot_deactivate_the_superuser(administrator_client, superuser):
    url = reverse("admin:auth_user_change", args=[superuser.pk])
    data = form_data(administrator_client.get(url), "user_form")
    data.pop("is_active", None)

    response = administrator_client.post(url, data)

    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.is_active


def test_superusers_form_is_read_only_for_an_administrator(
    administrator_client, superuser
):
    response = administrator_client.get(
        reverse("admin:auth_user_change", args=[superuser.pk])
    )

    assertNotContains(response, 'name="is_active"')
    assertNotContains(response, "password/")


def test_administrator_cannot_delete_the_superuser(administrator_client, superuser):
    url = reverse("admin:auth_user_delete", args=[superuser.pk])

    response = administrator_client.post(url, {"post": "yes"})

    assert response.status_code == 403
    assert User.objects.filter(pk=superuser.pk).exists()


def test_administrator_cannot_delete_the_superuser_from_the_list(
    administrator_client, superuser
):
    administrator_client.post(
        reverse("admin:auth_user_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [superuser.pk],
            "post": "yes",
        },
    )

    assert User.objects.filter(pk=superuser.pk).exists()


def test_administrator_cannot_reactivate_and_take_over_a_disabled_superuser(
    administrator_client, superuser
):
    superuser.is_active = False
    superuser.save()
    url = reverse("admin:auth_user_password_change", args=[superuser.pk])

    response = administrator_client.post(
        url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 403


def test_administrator_cannot_set_the_password_of_a_more_powerful_user(
    administrator_client, powerful_group
):
    guard = User.objects.create_user("guard", is_staff=True)
    guard.groups.add(powerful_group)
    url = reverse("admin:auth_user_password_change", args=[guard.pk])

    response = administrator_client.post(
        url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 403


def test_administrator_still_sets_an_editors_password(administrator_client, editor):
    url = reverse("admin:auth_user_password_change", args=[editor.pk])

    response = administrator_client.post(
        url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)


def test_administrator_cannot_give_its_group_every_permission(
    administrator_client, administrator
):
    group = Group.objects.get(name="Administrator")
    held = set(group.permissions.values_list("pk", flat=True))
    url = reverse("admin:auth_group_change", args=[group.pk])
    data = form_data(administrator_client.get(url), "group_form")

    response = administrator_client.post(
        url,
        {**data, "permissions": list(Permission.objects.values_list("pk", flat=True))},
    )

    assert response.status_code == 200  # The form, with an error.
    assert set(group.permissions.values_list("pk", flat=True)) == held


def test_group_permission_picker_offers_only_what_the_administrator_holds(
    administrator_client,
):
    response = administrator_client.get(reverse("admin:auth_group_add"))

    assertContains(response, "Can change article")
    assertNotContains(response, "Can delete permission")
    assertNotContains(response, "Can change session")


def test_administrator_cannot_create_a_group_with_more_than_it_holds(
    administrator_client,
):
    permission = Permission.objects.get(codename="delete_permission")

    administrator_client.post(
        reverse("admin:auth_group_add"),
        {"name": "Backdoor", "permissions": [permission.pk]},
    )

    assert not Group.objects.filter(name="Backdoor").exists()


def test_administrator_cannot_change_a_more_powerful_group(
    administrator_client, powerful_group
):
    url = reverse("admin:auth_group_change", args=[powerful_group.pk])

    response = administrator_client.post(url, {"name": "Renamed"})

    assert response.status_code == 403
    powerful_group.refresh_from_db()
    assert powerful_group.name == "Security"


def test_administrator_cannot_join_a_more_powerful_group(
    administrator_client, administrator, powerful_group
):
    url = reverse("admin:auth_user_change", args=[administrator.pk])
    data = form_data(administrator_client.get(url), "user_form")
    groups = [*administrator.groups.values_list("pk", flat=True), powerful_group.pk]

    response = administrator_client.post(url, {**data, "groups": groups})

    assert response.status_code == 200  # The form, with an error.
    assert not administrator.groups.filter(pk=powerful_group.pk).exists()


def test_group_picker_on_a_user_hides_more_powerful_groups(
    administrator_client, editor, powerful_group
):
    response = administrator_client.get(
        reverse("admin:auth_user_change", args=[editor.pk])
    )

    assertContains(response, ">Editor</option>")
    assertNotContains(response, ">Security</option>")


def test_administrator_cannot_grant_user_permissions_by_crafted_post(
    administrator_client, administrator
):
    url = reverse("admin:auth_user_change", args=[administrator.pk])
    data = form_data(administrator_client.get(url), "user_form")
    permission = Permission.objects.get(codename="delete_permission")

    administrator_client.post(url, {**data, "user_permissions": [permission.pk]})

    assert not administrator.user_permissions.exists()
