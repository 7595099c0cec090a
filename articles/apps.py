from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import revisions
        from articles.pages import register_page_checks

        revisions.register()
        register_page_checks()
