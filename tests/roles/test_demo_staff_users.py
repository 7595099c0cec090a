"""demo_content adds one login per role, and prints them.

Only one test runs the whole command (it draws every demo image); the others call
the part that makes the accounts.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from demo.management.commands.demo_content import create_staff, staff_logins

pytestmark = pytest.mark.django_db

QUEUE_URL = "/admin/roles/articleinreview/"


def test_demo_prints_a_login_for_each_role(settings):
    settings.DEBUG = True  # demo_content runs only with debug on.
    out = StringIO()

    call_command("demo_content", stdout=out)

    for username in ("contributor", "editor", "administrator"):
        assert f"{username} / {username}-demo" in out.getvalue()


def test_demo_logins_are_staff_members_of_their_roles():
    create_staff()

    accounts = {
        user.username: (
            user.check_password(f"{user.username}-demo"),
            user.is_superuser,
            [group.name for group in user.groups.all()],
        )
        for user in User.objects.filter(is_staff=True)
    }
    assert accounts == {
        "contributor": (True, False, ["Contributor"]),
        "editor": (True, False, ["Editor"]),
        "administrator": (True, False, ["Administrator"]),
    }


def test_existing_accounts_password_is_left_alone():
    User.objects.create_user("editor", password="a-real-password")

    create_staff()

    assert User.objects.get(username="editor").check_password("a-real-password")


def test_printed_logins_mark_an_account_that_existed():
    User.objects.create_user("editor", password="a-real-password")

    out = staff_logins(create_staff())

    [editor_line] = [line for line in out.splitlines() if "editor / " in line]
    assert editor_line.endswith("(existed already: password unchanged)")


@pytest.mark.parametrize(
    ("username", "sees_queue"), [("contributor", False), ("editor", True)]
)
def test_only_the_demo_editor_sees_the_review_queue(client, username, sees_queue):
    create_staff()
    # Through the login form: axes refuses Client.login(), which has no request.
    client.post("/admin/login/", {"username": username, "password": f"{username}-demo"})

    index = client.get("/admin/").content.decode()

    assert (QUEUE_URL in index) is sees_queue
