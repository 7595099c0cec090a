from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import revisions
        from articles.models import Article
        from images.uses import register_body

        revisions.register()
        register_body(Article, "body_html")
