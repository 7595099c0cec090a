from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from articles.forms import ArticleAdminForm
from articles.models import Article, Author, Byline, Section, SeeAlsoLink, Status


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "profile_url")
    search_fields = ("name", "bio")
    prepopulated_fields = {"slug": ("name",)}


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    validate_min = True
    autocomplete_fields = ("author",)
    fields = ("author", "position")
    verbose_name = "author"
    verbose_name_plural = (
        "Byline (authors in the order readers see them; lowest position first)"
    )


class SeeAlsoLinkInline(admin.TabularInline):
    model = SeeAlsoLink
    fk_name = "article"  # The link's target is an article too.
    extra = 0
    autocomplete_fields = ("target_article", "target_section")
    fields = (
        "position",
        "kind",
        "target_article",
        "target_section",
        "shown_to_readers",
        "url",
        "label",
        "description",
    )
    readonly_fields = ("shown_to_readers",)
    # Narrow inputs keep "Shown to readers" in view next to the targets;
    # an address typed without a scheme ("example.org") is taken as https.
    formfield_overrides = {
        models.CharField: {"widget": forms.TextInput(attrs={"size": 20})},
        models.URLField: {
            "assume_scheme": "https",
            "widget": forms.URLInput(attrs={"size": 24}),
        },
    }
    verbose_name_plural = (
        "See also (links shown below the article; lowest position first)"
    )

    def get_queryset(self, request):
        # Each row's name and visibility read its target.
        return (
            super()
            .get_queryset(request)
            .select_related("target_article", "target_section")
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("target_article", "target_section"):
            # Narrow pickers without add/edit buttons keep the rows compact.
            wrapper = field.widget
            wrapper.can_add_related = wrapper.can_change_related = False
            wrapper.can_delete_related = wrapper.can_view_related = False
            wrapper.widget.attrs["data-width"] = "14em"  # Read by Select2.
        return field

    @admin.display(description="Shown to readers")
    def shown_to_readers(self, obj):
        if obj.pk is None:
            return "–"  # A new row: nothing to say until it is saved.
        return obj.hidden_reason or "Visible"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = (
        "title",
        "kind",
        "section",
        "status",
        "is_live",
        "published_at",
        "updated_at",
    )
    list_filter = (
        "status",
        "kind",
        "section",
        ("tags", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("section",)
    search_fields = ("title", "summary")
    date_hierarchy = "published_at"
    ordering = ("-updated_at",)  # What editors touched last comes first.
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("section",)
    inlines = (BylineInline, SeeAlsoLinkInline)
    actions = ("publish", "unpublish")
    save_on_top = True
    fieldsets = (
        (
            None,
            {"fields": ("kind", "title", "slug", "section", "summary", "body", "tags")},
        ),
        ("Publishing", {"fields": ("status", "published_at", "meta_description")}),
        (
            "Hero image",
            {"fields": ("image", "image_alt", "image_caption", "image_credit")},
        ),
    )

    @admin.display(boolean=True, description="Live")
    def is_live(self, obj):
        return obj.is_published

    @admin.action(
        description="Publish selected articles (keeps a publish time already set)"
    )
    def publish(self, request, queryset):
        # The form's own rules (Article.clean), so the action and the form can't drift.
        to_publish = queryset.exclude(status=Status.PUBLISHED)
        blocked = []
        for article in to_publish:
            try:
                article.clean()
            except ValidationError as error:
                blocked.append(f"“{article}”: {' '.join(error.messages)}")
        if blocked:
            self.message_user(
                request,
                "Nothing was published. Fix these first. " + " ".join(blocked),
                messages.ERROR,
            )
            return
        now = timezone.now()
        count = to_publish.count()
        scheduled = to_publish.filter(published_at__gt=now).count()
        skipped = queryset.count() - count
        with transaction.atomic():
            to_publish.filter(published_at__isnull=True).update(published_at=now)
            to_publish.update(status=Status.PUBLISHED, updated_at=now)
        parts = [f"Published {articles_count(count)}."]
        if scheduled:
            parts.append(f"{scheduled} of them will go live at the publish time set.")
        if skipped:
            parts.append(f"Skipped {articles_count(skipped)} already published.")
        level = messages.SUCCESS if count else messages.WARNING
        self.message_user(request, " ".join(parts), level)

    @admin.action(description="Unpublish selected articles (back to draft)")
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Status.PUBLISHED).update(
            status=Status.DRAFT, updated_at=timezone.now()
        )
        level = messages.SUCCESS if count else messages.WARNING
        self.message_user(request, f"Unpublished {articles_count(count)}.", level)


def articles_count(count):
    return f"{count} article" if count == 1 else f"{count} articles"
