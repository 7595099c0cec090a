from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Author, Byline, Section, Status


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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
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
    inlines = (BylineInline,)
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
