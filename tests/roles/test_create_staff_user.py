"""manage.py create_staff_user makes a staff account in one role's group."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-unusual-passphrase"


def create_staff_user(*args) -> str:
    out = StringIO()
    call_command("create_staff_user", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("role", "group"),
    [
        ("contributor", "Contributor"),
        ("editor", "Editor"),
        ("administrator", "Administrator"),
    ],
)
def test_staff_user_is_created_in_the_roles_group(role_groups, role, group):
    create_staff_user("sam", "--role", role, "--password", PASSWORD)

    sam = User.objects.get(username="sam")
    assert [g.name for g in sam.groups.all()] == [group]


def test_staff_user_can_log_in_to_the_admin(role_groups, client):
    out = create_staff_user(
        "sam", "--role", "editor", "--password", PASSWORD, "--email", "sam@example.org"
    )

    assert "Created sam" in out
    # Through the login form: axes refuses Client.login(), which has no request.
    response = client.post("/admin/login/", {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_administrator_is_not_a_superuser(role_groups):
    create_staff_user("sam", "--role", "administrator", "--password", PASSWORD)

    sam = User.objects.get(username="sam")
    assert (sam.is_staff, sam.is_superuser) == (True, False)


def test_password_is_asked_twice_without_password_option(role_groups, monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr(
        "roles.management.commands.create_staff_user.getpass",
        lambda prompt: next(answers),
    )

    create_staff_user("sam", "--role", "contributor")

    assert User.objects.get(username="sam").check_password(PASSWORD)


def test_differing_passwords_create_nobody(role_groups, monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "!"])
    monkeypatch.setattr(
        "roles.management.commands.create_staff_user.getpass",
        lambda prompt: next(answers),
    )

    with pytest.raises(CommandError, match="differ"):
        create_staff_user("sam", "--role", "contributor")
    assert not User.objects.filter(username="sam").exists()


def test_unknown_role_is_refused(role_groups):
    with pytest.raises(CommandError, match="invalid choice: 'boss'"):
        create_staff_user("sam", "--role", "boss", "--password", PASSWORD)
    assert not User.objects.filter(username="sam").exists()


def test_existing_user_is_refused_and_left_alone(role_groups):
    User.objects.create_user("sam", password="their-own-password")

    with pytest.raises(CommandError, match="A user named sam already exists."):
        create_staff_user("sam", "--role", "editor", "--password", PASSWORD)
    sam = User.objects.get(username="sam")
    assert sam.check_password("their-own-password")
    assert not sam.groups.exists()


def test_weak_password_is_refused(role_groups):
    with pytest.raises(CommandError, match="too common"):
        create_staff_user("sam", "--role", "editor", "--password", "password")
    assert not User.objects.filter(username="sam").exists()
