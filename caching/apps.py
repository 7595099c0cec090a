from django.apps import AppConfig


class CachingConfig(AppConfig):
    """What readers may get from a cache, and clearing it when content changes."""

    name = "caching"

    def ready(self):
        from caching import receivers

        receivers.connect()
