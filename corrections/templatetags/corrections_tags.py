from django import template

from corrections.article_notes import article_notes

register = template.Library()


@register.inclusion_tag("includes/article_notes.html")
def article_corrections(article) -> dict:
    """The article's corrections, clarifications and updates, newest first.

    No query on the article page, which reads them with the article; one elsewhere.
    """
    return {"notes": article_notes(article)}
