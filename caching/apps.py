from django.apps import AppConfig


class CachingConfig(AppConfig):
    """What readers may get from a cache, and clearing it when content changes."""

    name = "caching"

    def ready(self):
        from caching import checks, receivers  # noqa: F401 (checks: registers)

        receivers.connect()
