"""The three role groups hold exactly the permissions the issue lists, and stay so."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from roles.permissions import ROLE_PERMISSIONS, matching_permissions, permission_name

pytestmark = pytest.mark.django_db

CONTRIBUTOR = {
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    *(f"articles.{verb}_byline" for verb in ("add", "change", "delete", "view")),
    *(f"articles.{verb}_seealsolink" for verb in ("add", "change", "delete", "view")),
    *(f"faq.{verb}_articleentry" for verb in ("add", "change", "delete", "view")),
    "articles.view_section",
    "articles.view_author",
    "faq.view_entry",
    "faq.view_topic",
    "taggit.view_tag",
    "images.view_image",
    "images.add_image",
}
EDITORIAL_APPS = {
    "articles",
    "faq",
    "taggit",
    "images",
    "corrections",
    "sharing",
    "redirects",
}
ADMINISTRATOR_EXTRAS = {
    *(
        f"siteconfig.{verb}_sitesettings"
        for verb in ("add", "change", "delete", "view")
    ),
    *(f"auth.{verb}_user" for verb in ("add", "change", "delete", "view")),
    *(f"auth.{verb}_group" for verb in ("add", "change", "delete", "view")),
    # Login lockouts: see them, and delete one to unlock.
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
}


def held(group_name):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in Group.objects.get(
            name=group_name
        ).permissions.values_list("content_type__app_label", "codename")
    }


def every_permission_of(apps):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.filter(
            content_type__app_label__in=apps
        ).values_list("content_type__app_label", "codename")
    }


def sync_roles() -> str:
    out = StringIO()
    call_command("sync_roles", stdout=out)
    return out.getvalue()


# As the migration leaves them


def test_migration_gives_contributors_exactly_their_permissions():
    assert held("Contributor") == CONTRIBUTOR


# As migrate and sync_roles keep them (apps migrated after roles included)


def test_contributor_group_holds_exactly_its_permissions(role_groups):
    assert held("Contributor") == CONTRIBUTOR


def test_editor_group_holds_every_permission_of_the_editorial_apps(role_groups):
    assert held("Editor") == every_permission_of(EDITORIAL_APPS)


def test_editors_may_publish_and_contributors_may_not(role_groups):
    assert "articles.publish_article" in held("Editor") - held("Contributor")


def test_administrator_group_adds_site_settings_and_accounts(role_groups):
    assert held("Administrator") - held("Editor") == ADMINISTRATOR_EXTRAS
    assert held("Editor") <= held("Administrator")


def test_sync_roles_restores_a_removed_permission(role_groups):
    Group.objects.get(name="Editor").permissions.remove(
        Permission.objects.get(codename="publish_article")
    )

    out = sync_roles()

    assert "Editor: " in out
    assert "added articles.publish_article" in out
    assert "articles.publish_article" in held("Editor")


def test_sync_roles_removes_a_permission_given_by_hand(role_groups):
    Group.objects.get(name="Contributor").permissions.add(
        Permission.objects.get(codename="publish_article")
    )

    out = sync_roles()

    assert "removed articles.publish_article" in out
    assert held("Contributor") == CONTRIBUTOR


def test_sync_roles_says_when_nothing_changed(role_groups):
    assert sync_roles().count(", unchanged.") == 3


def test_sync_roles_recreates_a_deleted_group(role_groups):
    Group.objects.filter(name="Editor").delete()

    sync_roles()

    assert held("Editor") == every_permission_of(EDITORIAL_APPS)


def test_role_naming_a_missing_permission_is_an_error():
    with pytest.raises(ValueError, match="articles.fly_article"):
        matching_permissions(["articles.fly_article"], Permission.objects.all())


# As migrate leaves them: its post_migrate handler applies roles/permissions.py


@pytest.mark.parametrize("role", ROLE_PERMISSIONS)
def test_migrate_gives_each_group_exactly_its_role_permissions(role):
    wanted = matching_permissions(ROLE_PERMISSIONS[role], Permission.objects.all())

    assert held(role.label) == {permission_name(p) for p in wanted}


def test_migrate_gives_the_editor_group_every_editorial_permission():
    # No sync here: pytest-django's migrate left the groups as they are.
    assert held("Editor") == every_permission_of(EDITORIAL_APPS)


def test_migrate_gives_the_administrator_group_its_extras():
    assert held("Administrator") - held("Editor") == ADMINISTRATOR_EXTRAS


def test_migrate_restores_a_removed_permission():
    Group.objects.get(name="Editor").permissions.remove(
        Permission.objects.get(codename="publish_article")
    )

    call_command("migrate", verbosity=0)

    assert "articles.publish_article" in held("Editor")


def test_migrate_removes_a_permission_given_by_hand():
    Group.objects.get(name="Contributor").permissions.add(
        Permission.objects.get(codename="publish_article")
    )

    call_command("migrate", verbosity=0)

    assert held("Contributor") == CONTRIBUTOR
