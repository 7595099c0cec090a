from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles.admin import EditableWithArticleMixin
from articles.admin_registry import article_admin_parts
from faq.forms import EntryAdminForm
from faq.models import ArticleEntry, Entry, Topic
from newsroom.admin_ids import ValidIdsAutocompleteMixin
from newsroom.admin_mixins import AtomicSaveMixin
from newsroom.edit_conflict import EditConflictAdminMixin


@admin.register(Topic)
class TopicAdmin(AtomicSaveMixin, EditConflictAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Entry)
class EntryAdmin(AtomicSaveMixin, ValidIdsAutocompleteMixin, admin.ModelAdmin):
    form = EntryAdminForm
    list_display = ("question", "topic", "order", "is_published")
    list_editable = ("order", "is_published")
    list_filter = ("topic", "is_published", ("tags", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("topic",)
    # Also what the article page's inline autocomplete searches.
    search_fields = ("question", "answer")
    prepopulated_fields = {"slug": ("question",)}
    autocomplete_fields = ("topic",)
    readonly_fields = ("used_on",)
    fields = (
        *EntryAdminForm.Meta.fields,
        "used_on",
        "seen_updated_at",  # Hidden: see EditConflictForm.
    )

    @admin.display(description="Used on")
    def used_on(self, obj):
        links = (
            obj.article_links.select_related("article").order_by("article__title")
            if obj.pk
            else []
        )
        if not links:
            return "No article yet. Add it from an article's page."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                (
                    (
                        reverse(
                            "admin:articles_article_change", args=[link.article_id]
                        ),
                        link.article.title,
                    )
                    for link in links
                ),
            ),
        )


class ArticleEntryInline(
    ValidIdsAutocompleteMixin, EditableWithArticleMixin, admin.TabularInline
):
    # Verbose names come from ArticleEntry.Meta.
    model = ArticleEntry
    extra = 0
    autocomplete_fields = ("entry",)
    fields = ("entry", "position")


article_admin_parts.add_inline(ArticleEntryInline)
