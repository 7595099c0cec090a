"""/healthz says the process is alive; /readyz that its database and cache answer."""

import json

import pytest
from django.conf import settings

from tests.server import free_port

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_without_touching_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]


def test_readyz_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_readyz_names_the_cache_when_it_does_not_answer(client, settings):
    # A Redis address where nothing listens: the cache refuses at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "cache": "failed"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_pages_show_nothing_secret(client, path):
    body = client.get(path).content.decode()
    for secret in (settings.SECRET_KEY, str(settings.DATABASES["default"]["NAME"])):
        assert secret not in body
    assert "django" not in body.lower()


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_pages_keep_host_validation(client, path):
    assert client.get(path, HTTP_HOST="evil.example").status_code == 400


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_pages_answer_on_the_loopback_address(client, path):
    assert client.get(path, HTTP_HOST="127.0.0.1").status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_pages_answer_plain_http_when_https_is_enforced(client, settings, path):
    # Load balancers and process managers probe the process directly, over HTTP.
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(path).status_code == 200
