from django import template

from faq.models import Entry

register = template.Library()


@register.inclusion_tag("includes/faq_block.html")
def article_faq(article) -> dict:
    """The article's published FAQ entries, in the editor's order (one query)."""
    return {"entries": list(Entry.objects.published().for_article(article))}
