"""Who may manage which account or group: nobody rises above their own rights.

A non-superuser may only change, delete or set the password of accounts whose rights
are within their own, and only grant (to a group, or to a user by group) permissions
they hold themselves. Otherwise an administrator could take over the superuser, or
give its own group everything.
"""

from django.contrib.auth.models import AbstractUser, Group, Permission
from django.db.models import Q, QuerySet


def held_permissions(user: AbstractUser) -> QuerySet[Permission]:
    """The permissions a user holds, directly or by group, active or not.

    Not get_all_permissions(): it is empty for an inactive account, which an
    administrator could otherwise reactivate and take over.
    """
    return Permission.objects.filter(Q(user=user) | Q(group__user=user)).distinct()


def grantable_permissions(actor: AbstractUser) -> QuerySet[Permission]:
    """The permissions actor may give to a group: the ones it holds itself."""
    if actor.is_superuser:
        return Permission.objects.all()
    return held_permissions(actor)


def grantable_groups(actor: AbstractUser) -> QuerySet[Group]:
    """The groups actor may put an account in: none holding more than actor does."""
    if actor.is_superuser:
        return Group.objects.all()
    beyond = Permission.objects.exclude(pk__in=held_permissions(actor))
    return Group.objects.exclude(permissions__in=beyond)


def may_manage_user(actor: AbstractUser, account: AbstractUser) -> bool:
    """Whether actor may change, delete or set the password of account."""
    if actor.is_superuser:
        return True
    if account.is_superuser:
        return False
    return (
        not held_permissions(account).exclude(pk__in=held_permissions(actor)).exists()
    )


def may_manage_group(actor: AbstractUser, group: Group) -> bool:
    """Whether actor may change or delete group: only one within its own rights."""
    return grantable_groups(actor).filter(pk=group.pk).exists()
