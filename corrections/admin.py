from django import forms
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse

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

    def refuse_deleting_corrected(self, request, articles) -> bool:
        """Tell the editor, and return True, if any of articles has notes."""
        titles = [f"“{article}”" for article in articles.filter(notes__isnull=False)]
        if not titles:
            return False
        self.message_user(
            request,
            f"Not deleted: {', '.join(dict.fromkeys(titles))} "
            f"{'has' if len(set(titles)) == 1 else 'have'} corrections or updates, "
            "and the corrections page keeps every one. To take an article off the "
            "site, unpublish it instead (set its status to Draft).",
            messages.ERROR,
        )
        return True

    def delete_view(self, request, object_id, extra_context=None):
        # get_object() answers None for a missing or malformed id; Django's own
        # delete view then says so.
        article = self.get_object(request, unquote(object_id))
        if article is not None and self.refuse_deleting_corrected(
            request, self.get_queryset(request).filter(pk=article.pk)
        ):
            return redirect(reverse("admin:articles_article_change", args=[article.pk]))
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _, name, description = actions["delete_selected"]
            actions["delete_selected"] = (
                type(self).delete_selected_uncorrected,
                name,
                description,
            )
        return actions

    @admin.action(permissions=("delete",))
    def delete_selected_uncorrected(self, request, queryset):
        # Nothing is deleted if one of them has notes: a partial delete surprises.
        if self.refuse_deleting_corrected(request, queryset):
            return None
        return delete_selected(self, request, queryset)

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
