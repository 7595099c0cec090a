"""Create the Contributor, Editor and Administrator groups with their permissions.

The mapping is a frozen copy of roles/permissions.py as of this migration, because a
migration must not import code that changes later. Apps migrated after this one
(and later edits of the mapping) reach the groups through the post_migrate handler
in roles/apps.py, which every migrate runs.
"""

from fnmatch import fnmatchcase

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORIAL_APPS = ("articles", "faq", "taggit", "images", "corrections", "sharing")

ROLE_PERMISSIONS = {
    "Contributor": (
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
    ),
    "Editor": tuple(f"{app}.*" for app in EDITORIAL_APPS),
    "Administrator": (
        *(f"{app}.*" for app in EDITORIAL_APPS),
        "siteconfig.*",
        "auth.*_user",
        "auth.*_group",
    ),
}


def create_role_groups(apps, schema_editor):
    db = schema_editor.connection.alias
    # Django creates permissions after the last migration (post_migrate); the groups
    # need them now, on a fresh database too.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=db, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.using(db).select_related("content_type"))
    for name, patterns in ROLE_PERMISSIONS.items():
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


def delete_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(
        name__in=ROLE_PERMISSIONS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0001_review_queue"),
        ("articles", "0004_review_and_revision"),
        ("faq", "0001_initial"),
        ("siteconfig", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, delete_role_groups)]
