"""The newsroom's three roles and exactly the permissions each one's group holds.

A role is a list of patterns matched against "app_label.codename", where * stands for
any run of characters: "faq.view_*" is every view permission of the FAQ app,
"articles.*" every permission of the articles app. A pattern naming an app that isn't
installed (yet) matches nothing, so the editorial apps still being built are listed
already; a pattern without * must match a permission, which catches typos.

Contributors hold articles.change_article like editors do: ArticleAdmin narrows it
to their own drafts, for everyone without articles.publish_article.

Every `manage.py migrate` applies this mapping once all apps have migrated (a
post_migrate handler, roles/apps.py), so a changed mapping or an app's new models
reach the groups with the next deploy; no migration is needed for them.
`manage.py sync_roles` does the same by hand. Migrations 0002-0004 keep frozen
copies of the mapping as it was when they were written.
"""

from collections.abc import Iterable
from fnmatch import fnmatchcase

from django.contrib.auth.models import Permission
from django.db import models


class Role(models.TextChoices):
    """A role's value is what commands take; its label is its group's name."""

    CONTRIBUTOR = "contributor", "Contributor"
    EDITOR = "editor", "Editor"
    ADMINISTRATOR = "administrator", "Administrator"


# Everything an editor manages.
EDITORIAL_APPS = (
    "articles",
    "faq",
    "taggit",
    "images",
    "corrections",
    "sharing",
    "redirects",
)

ROLE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.CONTRIBUTOR: (
        # Write articles; ArticleAdmin lets them change only their own drafts.
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        # The rows of their article's form: bylines, see-also links, FAQ placement.
        "articles.*_byline",
        "articles.*_seealsolink",
        "faq.*_articleentry",
        # Pick sections, authors, FAQ entries and tags, without changing them.
        "articles.view_section",
        "articles.view_author",
        "faq.view_entry",
        "faq.view_topic",
        "taggit.view_tag",
        # Pick a hero from the image library, or upload one; changing and deleting
        # library images, which other articles may use, is for editors.
        "images.view_image",
        "images.add_image",
    ),
    # Edit, publish, schedule, unpublish and delete; sections, authors, FAQ, tags.
    Role.EDITOR: tuple(f"{app}.*" for app in EDITORIAL_APPS),
    Role.ADMINISTRATOR: (
        *(f"{app}.*" for app in EDITORIAL_APPS),
        "siteconfig.*",
        "auth.*_user",
        "auth.*_group",
        # See and lift login lockouts (django-axes): deleting the attempts unlocks.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
    ),
}


def permission_name(permission: Permission) -> str:
    """The name has_perm() takes and patterns match: app_label.codename."""
    return f"{permission.content_type.app_label}.{permission.codename}"


def matching_permissions(
    patterns: Iterable[str], permissions: Iterable[Permission]
) -> set[Permission]:
    """The permissions that match any of the patterns.

    Raises ValueError for a pattern without * that matches nothing: a typo.
    """
    permissions = list(permissions)
    matched = set()
    for pattern in patterns:
        found = {p for p in permissions if fnmatchcase(permission_name(p), pattern)}
        if not found and "*" not in pattern:
            raise ValueError(f"There is no permission {pattern}.")
        matched |= found
    return matched
