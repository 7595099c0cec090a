from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import models

DEFAULT_SITE_NAME = "Claude News"
DEFAULT_TAGLINE = "News, explainers and guides about Claude, the AI assistant."
DEFAULT_DISCLAIMER = (
    "Claude News is an independent publication, not affiliated with Anthropic."
)
CACHE_KEY = "siteconfig:settings"


def shared_cache():
    """The default cache if every worker sees the same one (Redis), else None.

    A save clears the cached copy only in the cache it can reach: with a cache per
    process, other workers would show the old settings until it expired.
    """
    cache = caches["default"]
    return None if isinstance(cache, LocMemCache) else cache


class SiteSettings(models.Model):
    """The one row of settings editors can change; a second row is refused."""

    site_name = models.CharField(
        max_length=80,
        default=DEFAULT_SITE_NAME,
        help_text="Shown in the header, in page titles and in feeds.",
    )
    tagline = models.CharField(
        max_length=160,
        blank=True,
        default=DEFAULT_TAGLINE,
        help_text="One line under the site name on the home page.",
    )
    disclaimer = models.TextField(
        default=DEFAULT_DISCLAIMER,
        help_text=(
            "Shown in the footer of every page. Keep the words that make clear the "
            "site is independent of the company it covers."
        ),
    )
    # When an editor last saved it: a stale form is refused (newsroom/edit_conflict.py).
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="single_row")
        ]

    def __str__(self):
        return "Site settings"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        if cache := shared_cache():
            cache.delete(CACHE_KEY)

    @classmethod
    def current(cls) -> "SiteSettings":
        """The saved settings, or unsaved defaults before an editor has saved any.

        Without a shared cache this is one small query; pages read it once per
        request (the "site" context variable is lazy and kept for the request).
        """
        cache = shared_cache()
        try:
            settings = cache.get(CACHE_KEY) if cache else None
        except Exception:
            # Redis is down (the page cache logs it once): the database has them.
            cache = settings = None
        if settings is None:
            settings = cls.objects.filter(pk=1).first() or cls(pk=1)
            if cache:
                cache.set(CACHE_KEY, settings, timeout=300)
        return settings
