from django import template

from faq.jsonld import faq_page
from faq.models import Entry

register = template.Library()


@register.inclusion_tag("includes/faq_block.html")
def article_faq(article) -> dict:
    """The article's published FAQ entries, in the editor's order, and their JSON-LD.

    One query, however many entries the article has.
    """
    entries = list(Entry.objects.published().for_article(article))
    return {"entries": entries, "faq_jsonld": faq_page(entries)}
