from articles.models import Article


class ArticleInReview(Article):
    """An article a writer has submitted: a row of the editors' review queue."""

    class Meta:
        proxy = True
        verbose_name = "article in review"
        verbose_name_plural = "articles in review"
        # The queue's admin asks for the article permissions (publish_article).
        default_permissions = ()
