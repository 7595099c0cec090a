from django.views.generic import ListView

from faq.models import Entry


class EntryListView(ListView):
    """The site-wide FAQ page, grouped by topic in the template."""

    def get_queryset(self):
        return Entry.objects.published().select_related("topic")
