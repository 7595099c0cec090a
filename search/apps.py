from django.apps import AppConfig, apps


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        # Search registers the content apps, not the reverse: they never import it.
        from search import registry
        from search.models import DocumentKind

        if apps.is_installed("articles"):
            from articles.models import Article

            registry.register(
                Article,
                kind=DocumentKind.ARTICLE,
                document=lambda article: {
                    "title": article.title,
                    "summary": article.summary,
                    "body_html": article.body_html,
                },
                published=lambda: Article.objects.published(),
                results=lambda: (
                    Article.objects.published()
                    .select_related("section")
                    .defer("body", "body_html", "toc")
                ),
            )
        if apps.is_installed("faq"):
            from faq.models import Entry

            registry.register(
                Entry,
                kind=DocumentKind.FAQ,
                document=lambda entry: {
                    "title": entry.question,
                    "body_html": entry.answer_html,
                },
                published=lambda: Entry.objects.published(),
                results=lambda: Entry.objects.published().select_related("topic"),
            )
