from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "history"

    def ready(self):
        from history import revisions

        revisions.register()
