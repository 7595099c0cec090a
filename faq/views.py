from django.views.generic import ListView

from faq.jsonld import faq_page
from faq.models import Entry
from newsroom.cache_tags import add_cache_tags


class EntryListView(ListView):
    """The site-wide FAQ page, grouped by topic in the template.

    Not paginated: every /faq/#<slug> link must find its question on the one page.
    """

    def get_queryset(self):
        return Entry.objects.published().select_related("topic")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Evaluates object_list once; the template reuses the fetched rows.
        context["faq_jsonld"] = faq_page(context["object_list"])
        add_cache_tags(self.request, "faq")
        return context
