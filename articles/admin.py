from django import forms
from django.contrib import admin
from django.db import models

from articles.admin_publishing import PublishingAdminMixin
from articles.admin_registry import RegisteredPartsMixin
from articles.forms import ArticleAdminForm, BylineFormSet, SeeAlsoLinkFormSet
from articles.models import Article, Author, Byline, Section, SeeAlsoLink, Status
from newsroom.admin_ids import ValidIdsAutocompleteMixin
from newsroom.admin_mixins import AtomicSaveMixin
from newsroom.edit_conflict import EditConflictAdminMixin


@admin.register(Section)
class SectionAdmin(AtomicSaveMixin, EditConflictAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Author)
class AuthorAdmin(AtomicSaveMixin, EditConflictAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "profile_url")
    search_fields = ("name", "bio")
    prepopulated_fields = {"slug": ("name",)}


class EditableWithArticleMixin:
    """For inlines on the article form: editable exactly when their article is."""

    def article_is_editable(self, request, obj):
        article_admin = self.admin_site.get_model_admin(self.parent_model)
        if obj is None:
            return article_admin.has_add_permission(request)
        return article_admin.has_change_permission(request, obj)

    def has_add_permission(self, request, obj):
        allowed = super().has_add_permission(request, obj)
        return allowed and self.article_is_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and self.article_is_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and self.article_is_editable(request, obj)


class WriterChecksMixin:
    """The article form of writers who may not publish: it refuses what only editors do."""

    def clean(self):
        cleaned_data = super().clean()
        # Writers see the publish time read-only, so only a crafted request sends one.
        name = self.add_prefix("published_at")
        if any(
            value
            for key, value in self.data.items()
            if key == name or key.startswith(f"{name}_")
        ):
            self.add_error(None, "Only editors can set the publish time.")
        return cleaned_data


class BylineInline(
    ValidIdsAutocompleteMixin, EditableWithArticleMixin, admin.TabularInline
):
    model = Byline
    formset = BylineFormSet
    extra = 0
    min_num = 1
    validate_min = True
    autocomplete_fields = ("author",)
    fields = ("author", "position")
    verbose_name = "author"
    verbose_name_plural = (
        "Byline (authors in the order readers see them; lowest position first)"
    )


class SeeAlsoLinkInline(
    ValidIdsAutocompleteMixin, EditableWithArticleMixin, admin.TabularInline
):
    model = SeeAlsoLink
    formset = SeeAlsoLinkFormSet
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

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        field = formset.form.base_fields.get("target_article")
        if field is not None:
            # Targets are the articles this user may see in the admin (a contributor:
            # published ones and their own), plus those already linked, so that a
            # crafted POST can't name, and then show, a colleague's draft.
            allowed = self.admin_site.get_model_admin(Article).get_queryset(request)
            if obj is not None:
                linked = obj.see_also_links.values("target_article")
                allowed = allowed | Article.objects.filter(pk__in=linked)
            field.queryset = allowed
            field.widget.widget.choices = (
                field.choices
            )  # The picker inside its wrapper.
        return formset

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
class ArticleAdmin(
    PublishingAdminMixin,
    AtomicSaveMixin,
    ValidIdsAutocompleteMixin,
    RegisteredPartsMixin,
    admin.ModelAdmin,
):
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
    autocomplete_fields = ("section", "hero")
    inlines = (BylineInline, SeeAlsoLinkInline)
    actions = ("publish", "unpublish", "submit_for_review")
    save_on_top = True
    fieldsets = (
        (
            None,
            {"fields": ("kind", "title", "slug", "section", "summary", "body", "tags")},
        ),
        (
            "Publishing",
            {
                "fields": (
                    "status",
                    "published_at",
                    "review_comment",
                    "meta_description",
                )
            },
        ),
        ("Hero image", {"fields": ("hero",)}),
    )

    def render_change_form(self, request, context, *args, **kwargs):
        # The pre-publish checklist panel (templates/admin/articles/article/).
        form = context["adminform"].form
        if form.instance.pk or form.is_bound:
            see_also = next(
                (
                    inline.formset
                    for inline in context["inline_admin_formsets"]
                    if inline.formset.model is SeeAlsoLink
                ),
                None,
            )
            context["checklist"] = form.checklist(see_also)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(boolean=True, description="Live")
    def is_live(self, obj):
        return obj.is_published

    # Roles (roles/permissions.py): whoever may publish is an editor and may change
    # every article. Other writers, contributors, change only their own drafts.

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    def get_queryset(self, request):
        articles = super().get_queryset(request)
        if self.has_publish_permission(request):
            return articles
        # Contributors list their own work, and what readers see so they can link to it.
        return articles.filter(created_by=request.user) | articles.published()

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or self.has_publish_permission(request):
            return allowed
        # Once submitted, a piece is the editors' until they send it back.
        return obj.created_by_id == request.user.pk and obj.status == Status.DRAFT

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if self.has_publish_permission(request):
            return form
        return type(f"Writer{form.__name__}", (WriterChecksMixin, form), {})

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if self.has_publish_permission(request):
            return fields
        return (*fields, "published_at", "review_comment")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_publish_permission(request):
            return fieldsets
        # A writer reads the editor's note first, at the top of their own article.
        fieldsets = [
            (
                name,
                {
                    **options,
                    "fields": tuple(
                        field
                        for field in options["fields"]
                        if field != "review_comment"
                    ),
                },
            )
            for name, options in fieldsets
        ]
        if obj and obj.review_comment and obj.created_by_id == request.user.pk:
            note = {"fields": ("review_comment",)}
            if obj.status == Status.DRAFT:
                note["description"] = (
                    "Your editor sent this article back. Make the changes, then "
                    "choose “Submit for review”."
                )
            fieldsets.insert(0, ("Note from your editor", note))
        return fieldsets

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
