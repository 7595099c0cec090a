from django.views.generic import ListView

from corrections.models import Note


class NoteListView(ListView):
    """Every correction, clarification and update on a published article, newest first."""

    paginate_by = 20

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
