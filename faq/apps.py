from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"

    def ready(self):
        from faq import revisions

        revisions.register()
