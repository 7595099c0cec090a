from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "syndication"

    def ready(self):
        from syndication.pages import register_page_checks

        register_page_checks()
