from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import revisions, tags
        from articles.pages import register_page_checks
        from newsroom import text

        revisions.register()
        register_page_checks()
        tags.connect()
        # Here, as articles is the floor every other app of ours is built on.
        text.connect()
