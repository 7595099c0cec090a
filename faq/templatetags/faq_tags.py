from django import template

from faq.article_entries import article_entries
from faq.jsonld import faq_page
from newsroom.cache_tags import add_cache_tags

register = template.Library()


@register.inclusion_tag("includes/faq_block.html", takes_context=True)
def article_faq(context, article) -> dict:
    """The article's published FAQ entries, in the editor's order, and their JSON-LD.

    No query on the article page, which reads them with the article; one elsewhere.
    """
    entries = article_entries(article)
    add_cache_tags(context.get("request"), *(f"faq-{entry.pk}" for entry in entries))
    return {"entries": entries, "faq_jsonld": faq_page(entries)}
