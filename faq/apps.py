from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"

    def ready(self):
        from faq import revisions
        from faq.models import Entry
        from images.uses import register_body

        revisions.register()
        register_body(Entry, "answer_html")
