"""A site settings save shows on every worker at once, with the default cache too.

Two real processes share one SQLite file and nothing else, as two gunicorn workers
with the local-memory cache do: one reads the settings, the other saves new ones,
and the first must then read the new ones.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

CREATE_TABLE = """
from django.db import connection
from siteconfig.models import SiteSettings
with connection.schema_editor() as editor:
    editor.create_model(SiteSettings)
SiteSettings.objects.create(site_name="Before")
"""
# A worker: reads the settings, waits for the test's go, reads them again.
WORKER = """
import sys
from siteconfig.models import SiteSettings
print(SiteSettings.current().site_name, flush=True)
sys.stdin.readline()
print(SiteSettings.current().site_name, flush=True)
"""
SAVE = """
from siteconfig.models import SiteSettings
settings = SiteSettings.current()
settings.site_name = "After"
settings.save()
"""


@pytest.fixture(params=["local-memory cache", "Redis"])
def worker_env(request, tmp_path):
    """Two workers' environment: the default local-memory cache, or Redis if set."""
    redis_url = os.environ.get("REDIS_URL")
    if request.param == "Redis" and not redis_url:
        pytest.skip("REDIS_URL is not set")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    if request.param == "Redis":
        env["REDIS_URL"] = redis_url
    env |= {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SECRET_KEY": "tests-only",
        "DJANGO_DEBUG": "0",
    }
    return env


def shell(code, env, **kwargs):
    command = [sys.executable, "manage.py", "shell", "--no-imports", "-c", code]
    return subprocess.Popen(command, cwd=PROJECT, env=env, text=True, **kwargs)


def run(code, env):
    process = shell(code, env)
    assert process.wait(timeout=60) == 0


def test_save_in_one_worker_is_seen_by_another_at_once(worker_env):
    run(CREATE_TABLE, worker_env)
    reader = shell(WORKER, worker_env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert reader.stdout.readline().strip() == "Before"

        run(SAVE, worker_env)
        reader.stdin.write("go\n")
        reader.stdin.flush()

        assert reader.stdout.readline().strip() == "After"
    finally:
        reader.kill()
        reader.wait(timeout=60)
