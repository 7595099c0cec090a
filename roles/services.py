from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, transaction

from roles.permissions import (
    ROLE_PERMISSIONS,
    Role,
    matching_permissions,
    permission_name,
)


@dataclass(frozen=True)
class GroupChange:
    """What roles_sync() did to one role's group."""

    total: int
    added: list[str]
    removed: list[str]


def roles_sync(*, using: str = DEFAULT_DB_ALIAS) -> dict[Role, GroupChange]:
    """Give each role's group exactly the permissions roles/permissions.py lists.

    migrate runs it after every migration (roles/apps.py); `manage.py sync_roles`
    runs it by hand.
    """
    with transaction.atomic(using=using):
        return _sync_groups(using)


def _sync_groups(using: str) -> dict[Role, GroupChange]:
    permissions = list(Permission.objects.using(using).select_related("content_type"))
    changes = {}
    for role, patterns in ROLE_PERMISSIONS.items():
        wanted = matching_permissions(patterns, permissions)
        group, _ = Group.objects.using(using).get_or_create(name=role.label)
        held = set(group.permissions.select_related("content_type"))
        group.permissions.add(*(wanted - held))
        group.permissions.remove(*(held - wanted))
        changes[role] = GroupChange(
            total=len(wanted),
            added=sorted(permission_name(p) for p in wanted - held),
            removed=sorted(permission_name(p) for p in held - wanted),
        )
    return changes


@transaction.atomic
def staff_user_create(
    *, username: str, role: Role, password: str, email: str = ""
) -> AbstractUser:
    """A staff account whose rights come from its role's group alone.

    Never a superuser: an administrator is a member of the Administrator group.
    Raises ValidationError for a taken or invalid username, or a missing group.
    """
    group = Group.objects.filter(name=role.label).first()
    if group is None:
        raise ValidationError(f"There is no {role.label} group: run manage.py migrate.")
    user = get_user_model()(
        username=username, email=email, is_staff=True, is_superuser=False
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    user.groups.add(group)
    return user
