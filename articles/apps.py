from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import revisions, tags
        from newsroom import text

        revisions.register()
        tags.connect()
        # Here, as articles is the floor every other app of ours is built on.
        text.connect()
