"""`manage.py check --deploy` passes with the README's production environment only.

The command runs in a fresh interpreter with exactly the environment the README
documents, as a release would run it.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from siteconfig.checks import check_site_url

ROOT = Path(__file__).resolve().parents[1]
# The README's production environment (section "Production"), with example values.
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "Vh3k9-QpZ2sX7mLwR4tYbN8cF1gJ6dHaE0uKiO5yT3rS2vW9xq",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://news.example.org",
    "SITE_URL": "https://news.example.org",
    "DJANGO_HSTS_SECONDS": "31536000",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_HSTS_PRELOAD": "1",
}


def deploy_check(**env):
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
    )


def test_documented_production_environment_passes_deploy_check():
    result = deploy_check(**PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr


def test_default_site_url_fails_deploy_check():
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != "SITE_URL"}
    result = deploy_check(**env)
    assert result.returncode != 0
    assert "siteconfig.E001" in result.stderr


@pytest.fixture
def production(settings):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    settings.SITE_URL = "https://news.example.org"
    return settings


def test_site_url_on_an_allowed_https_host_passes(production):
    assert check_site_url(None) == []


@pytest.mark.parametrize(
    ("site_url", "error_id"),
    [
        pytest.param("http://127.0.0.1:8000", "siteconfig.E001", id="default"),
        pytest.param("http://news.example.org", "siteconfig.E002", id="not-https"),
        pytest.param("https://other.example.org", "siteconfig.E003", id="host"),
    ],
)
def test_unfit_site_url_is_an_error(production, site_url, error_id):
    production.SITE_URL = site_url
    assert error_id in [error.id for error in check_site_url(None)]


def test_site_url_host_matching_a_wildcard_allowed_host_passes(production):
    production.ALLOWED_HOSTS = [".example.org"]
    assert check_site_url(None) == []
