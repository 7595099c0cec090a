from django import template

from corrections.models import Note

register = template.Library()


@register.inclusion_tag("includes/article_notes.html")
def article_corrections(article) -> dict:
    """The article's corrections, clarifications and updates, newest first.

    One query, however many notes the article has.
    """
    return {"notes": list(Note.objects.filter(article=article))}
