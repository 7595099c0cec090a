from django import forms
from django.contrib import admin
from django.db import models

from articles.admin import EditableWithArticleMixin
from articles.models import Article
from corrections.models import Note


class NoteInline(EditableWithArticleMixin, admin.TabularInline):
    model = Note
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


# As in faq/admin.py: articles can't import this app, so the article admin that is
# registered when this module loads (INSTALLED_APPS puts corrections after faq) is
# swapped for a subclass that adds the notes. An app that registers its own article
# admin later must subclass the registered one the same way, or the notes go.
RegisteredArticleAdmin = type(admin.site.get_model_admin(Article))
admin.site.unregister(Article)


@admin.register(Article)
class ArticleWithNotesAdmin(RegisteredArticleAdmin):
    inlines = (*RegisteredArticleAdmin.inlines, NoteInline)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Note:
            super().save_formset(request, form, formset, change)
            return
        for note in formset.save(commit=False):
            if note.pk is None:
                note.created_by = request.user
            note.save()
        # Note.delete() moves the article's "Updated" date back.
        for note in formset.deleted_objects:
            note.delete()
