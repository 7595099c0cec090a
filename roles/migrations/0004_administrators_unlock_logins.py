"""Administrators see and lift login lockouts (django-axes' attempts).

ROLE_PERMISSIONS is a frozen copy of roles/permissions.py as of this migration:
0003's mapping plus two axes permissions for the Administrator group; a migration
must not import code that changes later. Unapplying it gives 0003's mapping back.
"""

from fnmatch import fnmatchcase

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORIAL_APPS = (
    "articles",
    "faq",
    "taggit",
    "images",
    "corrections",
    "sharing",
    "redirects",
)

CONTRIBUTOR = (
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.*_byline",
    "articles.*_seealsolink",
    "faq.*_articleentry",
    "articles.view_section",
    "articles.view_author",
    "faq.view_entry",
    "faq.view_topic",
    "taggit.view_tag",
    "images.view_image",
    "images.add_image",
)


LOCKOUTS = ("axes.view_accessattempt", "axes.delete_accessattempt")


def role_permissions(administrator_extra):
    editorial_apps = EDITORIAL_APPS
    return {
        "Contributor": CONTRIBUTOR,
        "Editor": tuple(f"{app}.*" for app in editorial_apps),
        "Administrator": (
            *(f"{app}.*" for app in editorial_apps),
            "siteconfig.*",
            "auth.*_user",
            "auth.*_group",
            *administrator_extra,
        ),
    }


ROLE_PERMISSIONS = role_permissions(LOCKOUTS)
PREVIOUS_ROLE_PERMISSIONS = role_permissions(())


def set_group_permissions(apps, schema_editor, role_permissions):
    db = schema_editor.connection.alias
    # Django creates permissions after the last migration (post_migrate); the groups
    # need axes' now, on a fresh database too.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=db, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.using(db).select_related("content_type"))
    for name, patterns in role_permissions.items():
        group, _ = Group.objects.using(db).get_or_create(name=name)
        group.permissions.set(
            permission
            for permission in permissions
            if any(
                fnmatchcase(
                    f"{permission.content_type.app_label}.{permission.codename}",
                    pattern,
                )
                for pattern in patterns
            )
        )


def forwards(apps, schema_editor):
    set_group_permissions(apps, schema_editor, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    set_group_permissions(apps, schema_editor, PREVIOUS_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0003_editors_manage_redirects"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
