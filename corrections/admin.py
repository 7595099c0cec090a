from django import forms
from django.contrib import admin
from django.db import models
from django.forms.models import BaseInlineFormSet

from articles.admin import EditableWithArticleMixin
from articles.admin_registry import article_admin_parts
from corrections.models import Note


class NoteFormSet(BaseInlineFormSet):
    """Notes as the article form saves them: each new one names who wrote it.

    Deleted ones go through Note.delete(), which moves the article's "Updated" date
    back.
    """

    author = None  # The editor saving; set per request by NoteInline.

    def save_new(self, form, commit=True):
        form.instance.created_by = self.author
        return super().save_new(form, commit)


class NoteInline(EditableWithArticleMixin, admin.TabularInline):
    model = Note
    formset = NoteFormSet
    extra = 0
    fields = ("kind", "text", "created_at")
    readonly_fields = ("created_at",)
    formfield_overrides = {
        # Notes are a sentence or two.
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})},
    }
    verbose_name_plural = (
        "Corrections and updates (shown to readers under the dates, newest first; "
        "published articles only)"
    )

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"author": request.user})


def refuse_deleting_corrected(model_admin, request, articles):
    """Why none of articles may be deleted, if one has notes; else None."""
    titles = [f"“{article}”" for article in articles.filter(notes__isnull=False)]
    if not titles:
        return None
    return (
        f"Not deleted: {', '.join(dict.fromkeys(titles))} "
        f"{'has' if len(set(titles)) == 1 else 'have'} corrections or updates, "
        "and the corrections page keeps every one. To take an article off the "
        "site, unpublish it instead (set its status to Draft)."
    )


article_admin_parts.add_inline(NoteInline)
article_admin_parts.add_delete_guard(refuse_deleting_corrected)
