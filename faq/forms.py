from faq.models import Entry
from newsroom.edit_conflict import EditConflictForm
from newsroom.rich_text import rich_text_widget, tidy_pasted_html


class EntryAdminForm(EditConflictForm):
    """The FAQ entry form: the rich text editor for answers, and no silent overwrites."""

    class Meta:
        model = Entry
        # The one list of what editors edit; EntryAdmin adds what it only shows.
        fields = (
            "question",
            "slug",
            "answer",
            "topic",
            "order",
            "is_published",
            "tags",
        )
        widgets = {"answer": rich_text_widget()}
        help_texts = {
            "answer": (
                "Use the toolbar: paragraphs, lists and links suit most answers. "
                "Fonts and colours pasted from elsewhere are removed on save."
            )
        }

    def clean_answer(self):
        return tidy_pasted_html(self.cleaned_data["answer"])
