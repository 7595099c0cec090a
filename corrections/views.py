from django.views.generic import ListView

from corrections.models import Note
from newsroom.cache_tags import add_cache_tags


class NoteListView(ListView):
    """Every correction, clarification and update on a published article, newest first."""

    paginate_by = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Notes link their articles by title.
        articles = {f"article-{note.article_id}" for note in context["object_list"]}
        add_cache_tags(self.request, "corrections", *articles)
        return context

    def get_queryset(self):
        return (
            Note.objects.published()
            .select_related("article")
            # A note links to its article by title and address, nothing more.
            .only(
                "kind",
                "text",
                "created_at",
                "article",
                "article__title",
                "article__slug",
            )
        )
