"""Which account an import runs as: commands take --user, else the first superuser."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from articles.publishing import PUBLISH_PERMISSION


def importing_user(username: str | None):
    """The user named, else the first active superuser; CommandError if neither."""
    User = get_user_model()
    if username:
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None or not user.is_active:
            raise CommandError(f"There is no active user {username!r}.")
    else:
        user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk")
        user = user.first()
        if user is None:
            raise CommandError(
                "There is no active superuser to import as: name one with --user."
            )
    if not user.has_perm(PUBLISH_PERMISSION):
        raise CommandError(
            f"{user.get_username()} may not publish articles "
            f"({PUBLISH_PERMISSION}): name an editor with --user."
        )
    return user
