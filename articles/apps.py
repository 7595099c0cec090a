from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import navigation, tags
        from articles.models import Article
        from articles.pages import register_page_checks
        from images.uses import register_body
        from newsroom import text

        navigation.register()
        register_page_checks()
        register_body(Article, "body_html")
        tags.connect()
        # Here, as articles is the floor every other app of ours is built on.
        text.connect()
