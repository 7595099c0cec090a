from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    name = "corrections"
    verbose_name = "Corrections"

    def ready(self):
        from corrections import article_notes

        article_notes.register()
