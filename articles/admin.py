from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Q
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
    verbose_name_plural = "Byline (authors in the order readers see them; lowest position first)"


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
    list_filter = ("status", "kind", "section", ("tags", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("section",)
    search_fields = ("title", "summary")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("section",)
    inlines = (BylineInline,)
    actions = ("publish", "unpublish")
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("kind", "title", "slug", "section", "summary", "body", "tags")}),
        ("Publishing", {"fields": ("status", "published_at", "meta_description")}),
        (
            "Hero image",
            {"fields": ("image", "image_alt", "image_caption", "image_credit")},
        ),
    )

    @admin.display(boolean=True, description="Live")
    def is_live(self, obj):
        return obj.is_published

    @admin.action(description="Publish selected articles now (keeps a set publish time)")
    def publish(self, request, queryset):
        now = timezone.now()
        invalid = queryset.filter(
            Q(kind__in=("explainer", "guide"), summary="")
            | (~Q(image="") & Q(image_alt=""))
        )
        if invalid.exists():
            titles = ", ".join(str(article) for article in invalid[:5])
            self.message_user(
                request,
                f"Nothing was published: fix these first (missing summary or alt text): {titles}",
                messages.ERROR,
            )
            return
        to_publish = queryset.exclude(status=Status.PUBLISHED)
        count = to_publish.count()
        with transaction.atomic():
            to_publish.filter(published_at__isnull=True).update(published_at=now)
            to_publish.update(status=Status.PUBLISHED, updated_at=now)
        self.message_user(
            request,
            f"Published {count} article(s); any with a future time are scheduled.",
            messages.SUCCESS,
        )

    @admin.action(description="Unpublish selected articles (back to draft)")
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Status.PUBLISHED).update(
            status=Status.DRAFT, updated_at=timezone.now()
        )
        self.message_user(request, f"Unpublished {count} article(s).", messages.SUCCESS)
