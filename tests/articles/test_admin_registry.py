"""The article admin is the same whatever order the apps that add to it load in."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib import admin
from django.test import RequestFactory

from articles.admin_registry import article_admin_parts
from articles.models import Article
from corrections.models import Note

PROJECT = Path(__file__).resolve().parents[2]
ADDING_APPS = ("faq", "corrections", "sharing", "history")

# Run in a fresh interpreter, as apps load once per process. A superuser with no
# row in the database: the admin asks it nothing that needs one.
DESCRIBE_ARTICLE_ADMIN = """
import json
import django
django.setup()
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import RequestFactory
from articles.models import Article
from history.revisions import PARTS

call_command("check", fail_level="ERROR")
request = RequestFactory().get("/admin/articles/article/")
request.user = User(username="chief", is_active=True, is_staff=True, is_superuser=True)
model_admin = admin.site.get_model_admin(Article)
article = Article(pk=1, title="A saved article")
print(json.dumps({
    "inlines": sorted(i.__name__ for i in model_admin.get_inlines(request, article)),
    "actions": sorted(model_admin.get_actions(request)),
    "delete action": model_admin.get_actions(request)["delete_selected"][0].__name__,
    "fieldsets": sorted(str(t) for t, _ in model_admin.get_fieldsets(request, article)),
    "urls": sorted(url.name for url in model_admin.get_urls() if url.name),
    "history template": model_admin.object_history_template,
    "revision parts": [part.label for part in PARTS],
}))
"""


def article_admin_with(app_order=None) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    if app_order:
        env["DJANGO_SETTINGS_MODULE"] = "tests.settings_app_order"
        env["NEWSROOM_APP_ORDER"] = ",".join(app_order)
    result = subprocess.run(
        [sys.executable, "-c", DESCRIBE_ARTICLE_ADMIN],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def default_admin():
    return article_admin_with()


def test_article_admin_has_what_each_app_adds(default_admin):
    assert {"ArticleEntryInline", "NoteInline"} <= set(default_admin["inlines"])
    assert "Share a preview" in default_admin["fieldsets"]
    assert default_admin["delete action"] == "delete_selected_unguarded"
    assert {
        "articles_article_compare",
        "articles_article_compare_pick",
        "articles_article_restore",
    } <= set(default_admin["urls"])
    assert default_admin["history template"] == "history/object_history.html"


@pytest.mark.parametrize(
    "app_order",
    [
        tuple(reversed(ADDING_APPS)),
        ("sharing", "history", "faq", "corrections"),
        ("corrections", "faq", "history", "sharing"),
    ],
    ids="-".join,
)
def test_article_admin_is_the_same_in_any_app_order(default_admin, app_order):
    assert article_admin_with(app_order) == default_admin


# What any app may register, checked in this process.


@admin.action(description="Mark as read aloud", permissions=("publish",))
def mark_read_aloud(modeladmin, request, queryset):
    """An action another app might add."""


@pytest.fixture
def article_admin():
    return admin.site.get_model_admin(Article)


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "offered"), [("editor", True), ("contributor", False)])
def test_registered_action_is_offered_as_its_permissions_allow(
    request, monkeypatch, article_admin, who, offered
):
    monkeypatch.setattr(article_admin_parts, "actions", [mark_read_aloud])
    list_request = RequestFactory().get("/admin/articles/article/")
    list_request.user = request.getfixturevalue(who)

    actions = article_admin.get_actions(list_request)

    assert ("mark_read_aloud" in actions) is offered


def test_registered_inline_is_checked_like_the_admins_own(monkeypatch, article_admin):
    class BrokenInline(admin.TabularInline):
        model = Note
        readonly_fields = ("no_such_field",)

    monkeypatch.setattr(article_admin_parts, "inlines", [BrokenInline])

    assert [error.id for error in article_admin.check()] == ["admin.E035"]
