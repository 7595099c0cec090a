"""Share links: a secret, expiring, revocable address for an unpublished article.

The address carries a random token (32 bytes from `secrets`, URL-safe base64). Only
its sha256 digest is stored, so the database, its backups and the admin never hold a
working address: the editor sees it once, when the link is made. A request is looked
up by the digest of the token it brings; an attacker chooses that token but not its
digest, so how long the lookup takes reveals nothing about any stored digest, which
is what a constant-time comparison would protect.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

DEFAULT_DAYS = 7
MAX_DAYS = 30
TOKEN_BYTES = 32


def hash_token(token: str) -> str:
    """The sha256 hex digest that is stored in place of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def default_expiry():
    return timezone.now() + timedelta(days=DEFAULT_DAYS)


def preview_url(token: str) -> str:
    """The full address to send: SITE_URL and the preview page's path."""
    return settings.SITE_URL + reverse("sharing:preview", args=[token])


class LinkStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Revoked"


class ShareLinkQuerySet(models.QuerySet):
    def with_token(self, token: str) -> "ShareLinkQuerySet":
        return self.filter(token_hash=hash_token(token))

    def active(self) -> "ShareLinkQuerySet":
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def expired(self) -> "ShareLinkQuerySet":
        return self.filter(revoked_at__isnull=True, expires_at__lte=timezone.now())

    def revoked(self) -> "ShareLinkQuerySet":
        return self.filter(revoked_at__isnull=False)


class ShareLink(models.Model):
    """An address that shows one unpublished article to anyone who has it."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="share_links",
        help_text="The draft, scheduled or in-review article the link shows.",
    )
    note = models.CharField(
        "shared with",
        max_length=200,
        blank=True,
        help_text="Who the link is for, e.g. “Fact-check: Dr Lee”. Only editors see this.",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    expires_at = models.DateTimeField(
        "expires",
        default=default_expiry,
        help_text="After this time the link shows a “link expired” page.",
    )
    revoked_at = models.DateTimeField("revoked", null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self):
        return f"Share link for “{self.article}”"

    def clean(self):
        if self.article_id and self.article.is_published:
            raise ValidationError(
                {"article": "This article is published: send its public address."}
            )

    def set_token(self) -> str:
        """Give the link a new random token and return it; only its hash is kept."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.token_hash = hash_token(token)
        return token

    def revoke(self, *, by) -> None:
        """Stop the link working for good; revoking twice keeps the first time."""
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.revoked_by = by
            self.save(update_fields=("revoked_at", "revoked_by"))

    @property
    def status(self) -> LinkStatus:
        if self.revoked_at is not None:
            return LinkStatus.REVOKED
        if self.expires_at <= timezone.now():
            return LinkStatus.EXPIRED
        return LinkStatus.ACTIVE
