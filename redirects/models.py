"""Old addresses that answer with a permanent redirect instead of "not found".

Redirects are looked up only when the site would otherwise answer 404
(redirects/middleware.py), so a live page always wins over a redirect from its
address. Rows are kept free of chains: a redirect never leads to another redirect's
old address, so every old address reaches its target in one hop. Addresses are
plain paths, so this app knows nothing of articles; Article.save() calls
Redirect.record_move() when a live article's address changes.
"""

from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Length
from django.utils import timezone

from redirects.reserved import reserved_reason


def normalize_path(value: str) -> str:
    """value as a request's path: leading slash, no host, query or fragment."""
    value = value.strip()
    parts = urlsplit(value)
    path = unquote(parts.path)
    return path if path.startswith("/") else f"/{path}"


def normalize_target(value: str) -> str:
    """A path on this site (with a leading slash) or a full http(s) address.

    A full address on this site (settings.SITE_URL) becomes a path, so that chains
    and loops through it are found. Raises ValidationError for other schemes.
    """
    value = value.strip()
    parts = urlsplit(value)
    if not (parts.scheme or parts.netloc):
        return value if value.startswith("/") else f"/{value}"
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(
            "Use a path on this site (/articles/new-slug/) or a full address "
            "starting with https://."
        )
    if parts.netloc == urlsplit(settings.SITE_URL).netloc:
        return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    return value


def site_path(target: str) -> str | None:
    """The path of a target on this site; None for an address on another site."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return unquote(parts.path)


def with_query(target: str, query: str) -> str:
    """target with a request's query string added after its own."""
    if not query:
        return target
    parts = urlsplit(target)
    return urlunsplit(parts._replace(query=f"{parts.query}&{query}".lstrip("&")))


class RedirectQuerySet(models.QuerySet):
    def matching(self, path: str) -> "RedirectQuerySet":
        """The redirect for a request's path, best first.

        Without a trailing slash the path also matches the address with one, as
        every address on this site has, so /articles/old goes to the new page in
        one hop.
        """
        paths = [path]
        if settings.APPEND_SLASH and not path.endswith("/"):
            paths.append(f"{path}/")
        # The exact path is the shorter one.
        return self.filter(old_path__in=paths).order_by(Length("old_path"))


class Redirect(models.Model):
    old_path = models.CharField(
        "old address",
        max_length=500,
        unique=True,
        error_messages={
            "unique": "There is already a redirect from this address: change that one."
        },
        help_text=(
            "The address that no longer works, such as /articles/old-slug/ (a full "
            "https://… address is shortened to its path). Anything after ? is "
            "ignored: /old/?page=2 is redirected like /old/ and keeps its ?page=2. "
            "A redirect works only while this address answers “not found”: "
            "a live page at it always wins."
        ),
    )
    target = models.CharField(
        "redirect to",
        max_length=1000,
        help_text=(
            "Where readers go instead: a path on this site, such as "
            "/articles/new-slug/, or a full address starting with https://. "
            "If it is itself redirected, readers are sent straight to the end."
        ),
    )
    is_automatic = models.BooleanField(
        "automatic",
        default=False,
        editable=False,
        help_text="Made when a published article's address changed; else by hand.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When an editor last saved it: a stale form is refused (newsroom/edit_conflict.py).
    updated_at = models.DateTimeField(auto_now=True)
    hit_count = models.PositiveIntegerField("hits", default=0, editable=False)
    last_hit_at = models.DateTimeField("last hit", null=True, editable=False)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(old_path__startswith="/"),
                name="redirect_from_a_path",
                violation_error_message="The old address must start with /.",
            ),
            models.CheckConstraint(
                condition=~Q(target=F("old_path")),
                name="redirect_not_to_itself",
                violation_error_message="A redirect can't lead to its own address.",
            ),
        ]

    def __str__(self):
        return f"{self.old_path} → {self.target}"

    def save(self, *args, **kwargs):
        self.old_path = normalize_path(self.old_path)
        self.target = self.final_target()
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)
            self.collapse_chains_into_this()

    def get_absolute_url(self):
        # "View on site" in the admin opens the old address, to try the redirect.
        return self.old_path

    def clean(self):
        if not (self.old_path and self.target):
            return  # The form reports the empty field.
        self.old_path = normalize_path(self.old_path)
        if reason := reserved_reason(self.old_path):
            raise ValidationError({"old_path": reason})
        try:
            self.target = normalize_target(self.target)
            self.final_target()
        except ValidationError as error:
            raise ValidationError({"target": error.messages}) from error

    @classmethod
    def record_move(cls, *, old_path: str, new_path: str) -> "Redirect":
        """Send old_path to new_path, where a live page has just moved.

        A redirect from new_path would shadow the page now there (and lead back in a
        loop if the page returned to an address it had before), so it goes; one from
        old_path, which the page just left, is replaced.
        """
        cls.objects.filter(old_path__in=[old_path, new_path]).delete()
        redirect = cls(old_path=old_path, target=new_path, is_automatic=True)
        redirect.save()
        return redirect

    def final_target(self) -> str:
        """The target, normalized, past any redirect from it: where readers end up.

        Raises ValidationError if that is this redirect's own old address.
        """
        target = normalize_target(self.target)
        via = []
        while (path := site_path(target)) is not None:
            if path == self.old_path:
                if not via:
                    raise ValidationError(
                        f"A redirect can't lead to its own address, {self.old_path}."
                    )
                raise ValidationError(
                    f"This would send {self.old_path} back to itself through {via[0]}."
                )
            if path in via:
                break  # A loop among other rows: stop where it closes.
            onward = Redirect.objects.exclude(pk=self.pk).filter(old_path=path).first()
            if onward is None:
                break
            via.append(path)
            target = with_query(onward.target, urlsplit(target).query)
        return target

    def collapse_chains_into_this(self) -> None:
        """Point redirects that lead to this one's old address straight at its target."""
        leading_here = Redirect.objects.exclude(pk=self.pk).filter(
            Q(target=self.old_path)
            | Q(target__startswith=f"{self.old_path}?")
            | Q(target__startswith=f"{self.old_path}#")
        )
        rows = list(leading_here)
        for row in rows:
            row.target = with_query(self.target, urlsplit(row.target).query)
        Redirect.objects.bulk_update(rows, ["target"])

    def location(self, query_string: str = "") -> str:
        """Where a request for the old address goes, keeping its query string."""
        return with_query(self.target, query_string)

    def count_hit(self) -> None:
        Redirect.objects.filter(pk=self.pk).update(
            hit_count=F("hit_count") + 1, last_hit_at=timezone.now()
        )
