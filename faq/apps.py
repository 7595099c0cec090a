from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"

    def ready(self):
        from faq import article_entries, revisions
        from faq.models import Entry
        from images.uses import register_body

        article_entries.register()
        revisions.register()
        register_body(Entry, "answer_html")
