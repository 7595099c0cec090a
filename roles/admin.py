from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import format_html

from articles import publishing
from articles.admin import ArticleAdmin
from articles.admin_publishing import articles_count
from articles.models import Status
from newsroom.admin_ids import ValidIdsModelMultipleChoiceField
from roles.accounts import (
    grantable_groups,
    grantable_permissions,
    may_manage_group,
    may_manage_user,
)
from roles.models import ArticleInReview


class ReviewActionForm(ActionForm):
    # Shown beside the action menu; "Send back" hands it to the writer.
    review_comment = forms.CharField(
        label="Note to the writer:",
        required=False,
        widget=forms.TextInput(
            attrs={"size": 50, "placeholder": "What to change before it can run"}
        ),
    )


@admin.register(ArticleInReview)
class ReviewQueueAdmin(ArticleAdmin):
    """The editors' queue: submitted articles, to publish or send back with a note."""

    list_display = ("title_link", "kind", "section", "writer", "updated_at")
    list_display_links = None
    list_filter = ("kind", "section")
    list_select_related = ("section", "created_by")
    date_hierarchy = None
    ordering = ("updated_at",)  # Who waited longest comes first.
    inlines = ()
    actions = ("publish", "send_back")
    action_form = ReviewActionForm

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=Status.IN_REVIEW)

    # Editors (articles.publish_article) only. Changing happens on the article's
    # own form, which the titles link to.

    def has_module_permission(self, request):
        return self.has_publish_permission(request)

    def has_view_permission(self, request, obj=None):
        return self.has_publish_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        waiting = self.get_queryset(request).count()
        extra_context = {**(extra_context or {}), "title": f"Review queue ({waiting})"}
        return super().changelist_view(request, extra_context)

    @admin.display(description="Title", ordering="title")
    def title_link(self, obj):
        url = reverse("admin:articles_article_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.title)

    @admin.display(description="Written by", ordering="created_by__username")
    def writer(self, obj):
        if obj.created_by is None:
            return "–"
        return obj.created_by.get_full_name() or obj.created_by.get_username()

    @admin.action(
        description="Send back to the writer with the note (back to draft)",
        permissions=("publish",),
    )
    def send_back(self, request, queryset):
        note = request.POST.get("review_comment", "").strip()
        if not note:
            self.message_user(
                request,
                "Nothing was sent back. Write a note to the writer first: "
                "what should they change?",
                messages.ERROR,
            )
            return
        # Each through the publishing service; if one is refused, none goes back.
        result = self.run_action(
            request,
            queryset,
            done="Sent back",
            skip=lambda article: article.status != Status.IN_REVIEW,
            run=lambda article: publishing.send_back(
                article, user=request.user, note=note
            ),
        )
        if result is None:
            return
        count, _ = result
        self.message_user(
            request,
            f"Sent {articles_count(count)} back to the writer as a draft, "
            "with your note at the top of the form.",
        )


admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class StaffUserAdmin(UserAdmin):
    """Accounts get their rights from role groups; only a superuser makes another.

    Nobody manages an account with more rights than their own (roles/accounts.py):
    its form is read-only to them, and its password and deletion are refused.
    """

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return fields
        # Otherwise an administrator could tick their own way past every role.
        return (*fields, "is_superuser", "user_permissions")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or may_manage_user(request.user, obj):
            return fieldsets
        # No "Reset password" button leading to a refusal.
        return [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f != "password"],
                },
            )
            for name, options in fieldsets
        ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            # A choice outside this queryset is refused as invalid, crafted or not.
            kwargs["queryset"] = grantable_groups(request.user)
            kwargs["form_class"] = ValidIdsModelMultipleChoiceField
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_manage_user(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_manage_user(request.user, obj))


@admin.register(Group)
class RoleGroupAdmin(GroupAdmin):
    """Groups offer only the permissions the one editing them holds."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "permissions":
            kwargs["form_class"] = ValidIdsModelMultipleChoiceField
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "permissions":
            formfield.queryset = formfield.queryset.filter(
                pk__in=grantable_permissions(request.user)
            )
        return formfield

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_manage_group(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_manage_group(request.user, obj))
