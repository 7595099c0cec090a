from django.apps import AppConfig, apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate


class RolesConfig(AppConfig):
    name = "roles"
    # The admin index lists the editors' review queue under this heading.
    verbose_name = "Review"

    def ready(self):
        post_migrate.connect(roles_sync_after_migrate, dispatch_uid="roles-sync")


def roles_sync_after_migrate(
    sender, *, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs
) -> None:
    """post_migrate: once every app has migrated, apply roles/permissions.py.

    Django sends post_migrate once per app, and creates each app's permissions in
    its own turn: only after the last app's are all there to give.
    """
    from roles.services import roles_sync

    last = [c for c in global_apps.get_app_configs() if c.models_module][-1]
    if sender.label != last.label:
        return
    try:  # Migrated back before auth: there are no groups to keep.
        apps.get_model("auth", "Group")
        apps.get_model("auth", "Permission")
    except LookupError:
        return
    roles_sync(using=using)
