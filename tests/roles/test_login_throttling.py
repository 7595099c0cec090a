"""Failed logins are throttled: 5 failures for a user name from one address lock it out.

The lockout lasts 15 minutes from the last failure, answers 429 with a page saying
when to retry, and an administrator can lift it from the admin. Time is moved by
ageing axes' attempt rows, never by sleeping.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db

PASSWORD = "the-owners-passphrase"
WRONG = "not-the-passphrase"
ADDRESS = "203.0.113.7"


@pytest.fixture
def owner(db):
    return User.objects.create_user("owner", password=PASSWORD, is_staff=True)


def log_in(client, password, address=ADDRESS, username="owner", **headers):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, times, **kwargs):
    return [log_in(client, WRONG, **kwargs).status_code for _ in range(times)]


def is_logged_in(client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


def test_first_four_failures_show_the_login_form_again(client, owner):
    assert fail(client, 4) == [200, 200, 200, 200]


def test_sixth_attempt_is_refused_even_with_the_right_password(client, owner):
    fail(client, 5)

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(client)


def test_lockout_page_says_when_to_retry(client, owner):
    fail(client, 5)

    response = log_in(client, PASSWORD)

    assertContains(response, "Too many failed logins", status_code=429)
    assertContains(response, "15 minutes", status_code=429)
    assertContains(response, 'id="site-disclaimer"', status_code=429)
    assert response["Retry-After"] == str(15 * 60)


def test_correct_login_before_the_limit_resets_the_count(owner):
    first, second = Client(), Client()
    fail(first, 4)
    assert log_in(first, PASSWORD).status_code == 302

    assert fail(second, 4) == [200, 200, 200, 200]
    assert log_in(second, PASSWORD).status_code == 302


def test_another_address_is_not_locked_out(client, owner):
    fail(client, 5)

    response = log_in(Client(), PASSWORD, address="198.51.100.20")

    assert response.status_code == 302


def test_another_user_name_from_the_address_is_not_locked_out(client, owner):
    User.objects.create_user("colleague", password=PASSWORD, is_staff=True)
    fail(client, 5)

    response = log_in(Client(), PASSWORD, username="colleague")

    assert response.status_code == 302


def test_login_works_again_once_the_window_has_passed(client, owner):
    fail(client, 5)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - timedelta(minutes=15, seconds=1)
    )

    response = log_in(client, PASSWORD)

    assert response.status_code == 302


def test_login_stays_locked_just_before_the_window_ends(client, owner):
    fail(client, 5)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - timedelta(minutes=14, seconds=50)
    )

    assert log_in(client, PASSWORD).status_code == 429


def test_administrator_sees_and_lifts_the_lockout(administrator, owner):
    fail(Client(), 5)
    admin_client = Client()
    admin_client.force_login(administrator)
    changelist = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assertContains(changelist, "owner")

    admin_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": list(
                AccessAttempt.objects.values_list("pk", flat=True)
            ),
            "post": "yes",
        },
    )

    assert log_in(Client(), PASSWORD).status_code == 302


def test_spoofed_forwarded_for_does_not_change_the_address(client, owner):
    for number in range(5):
        log_in(client, WRONG, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")

    response = log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")

    assert response.status_code == 429


def test_force_login_of_test_clients_is_unaffected(client, owner):
    fail(Client(), 5)

    client.force_login(owner)

    assert is_logged_in(client)


# Behind our nginx, every request comes from nginx; X-Real-IP names the client.

NGINX = "127.0.0.1"


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True


def test_behind_proxy_the_real_ip_header_is_the_address(behind_proxy, client, owner):
    fail(client, 5, address=NGINX, HTTP_X_REAL_IP=ADDRESS)

    other_client = log_in(
        Client(), PASSWORD, address=NGINX, HTTP_X_REAL_IP="198.51.100.20"
    )
    same_client = log_in(client, PASSWORD, address=NGINX, HTTP_X_REAL_IP=ADDRESS)

    assert (other_client.status_code, same_client.status_code) == (302, 429)


def test_behind_proxy_forwarded_for_is_ignored(behind_proxy, client, owner):
    for number in range(5):
        log_in(
            client,
            WRONG,
            address=NGINX,
            HTTP_X_REAL_IP=ADDRESS,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )

    response = log_in(
        client,
        PASSWORD,
        address=NGINX,
        HTTP_X_REAL_IP=ADDRESS,
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )

    assert response.status_code == 429


def test_without_proxy_a_sent_real_ip_header_is_ignored(client, owner):
    for number in range(5):
        log_in(client, WRONG, HTTP_X_REAL_IP=f"192.0.2.{number}")

    response = log_in(client, PASSWORD, HTTP_X_REAL_IP="192.0.2.99")

    assert response.status_code == 429
