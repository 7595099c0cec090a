from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import revisions, tags

        revisions.register()
        tags.connect()
