"""Settings read from the environment: checked in a fresh interpreter each time."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); print(json.dumps({"
    "'debug': settings.DEBUG, 'engine': settings.DATABASES['default']['ENGINE'], "
    "'db_name': str(settings.DATABASES['default']['NAME']), "
    "'cache': settings.CACHES['default']['BACKEND'], "
    "'secure_cookies': settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE, "
    "'ssl_redirect': settings.SECURE_SSL_REDIRECT}))"
)


def load_settings(**env):
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
    )
    return result


def test_production_defaults_are_safe():
    result = load_settings(DJANGO_SECRET_KEY="x" * 50)
    settings = json.loads(result.stdout)
    assert settings == {
        "debug": False,
        "engine": "newsroom.sqlite",
        "db_name": str(ROOT / "db.sqlite3"),
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "secure_cookies": True,
        "ssl_redirect": True,
    }


def test_missing_secret_key_without_debug_is_refused():
    result = load_settings()
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_debug_runs_without_a_secret_key():
    settings = json.loads(load_settings(DJANGO_DEBUG="1").stdout)
    assert settings["debug"] is True
    assert settings["secure_cookies"] is False


@pytest.mark.parametrize(
    ("env", "key", "expected"),
    [
        ({"DATABASE_URL": "postgres://u:p@db.example:5432/news"}, "engine",
         "django.db.backends.postgresql"),
        ({"DATABASE_URL": "postgres://u:p@db.example:5432/news"}, "db_name", "news"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "cache",
         "caching.redis.RedisCache"),
        ({"DJANGO_SSL_REDIRECT": "0"}, "ssl_redirect", False),
    ],
)  # fmt: skip
def test_environment_selects_services(env, key, expected):
    settings = json.loads(load_settings(DJANGO_SECRET_KEY="x" * 50, **env).stdout)
    assert settings[key] == expected
