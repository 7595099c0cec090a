from django.utils.http import urlencode
from django.views.generic import ListView

from search.results import SearchResults, normalize_query

# Longer queries get a message, not a search: nobody types more, and each word
# costs the database work.
MAX_QUERY_LENGTH = 200


class SearchView(ListView):
    """/search/?q=: published articles and FAQ entries, best match first."""

    paginate_by = 20
    template_name = "search/search.html"

    def get_queryset(self):
        self.query = normalize_query(self.request.GET.get("q", ""))
        self.too_long = len(self.query) > MAX_QUERY_LENGTH
        if not self.query or self.too_long:
            return []
        page = self.request.GET.get(self.page_kwarg, 1)
        return SearchResults(self.query, page=page, per_page=self.paginate_by)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query,
            too_long=self.too_long,
            max_query_length=MAX_QUERY_LENGTH,
            page_query=urlencode({"q": self.query}),
            capped=getattr(self.object_list, "capped", False),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        if self.too_long:
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)
