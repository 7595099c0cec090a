from urllib.parse import urlencode

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles.admin_registry import article_admin_parts
from newsroom.admin_ids import ValidIdsAutocompleteMixin
from newsroom.admin_mixins import AtomicSaveMixin
from newsroom.dates import editor_datetime
from sharing.forms import ShareLinkForm
from sharing.models import LinkStatus, ShareLink, preview_url

ADD_FIELDS = ("article", "expires_in_days", "note")
CHANGE_FIELDS = (
    "article",
    "note",
    "status",
    "address",
    "created_by",
    "created_at",
    "expires_at",
    "revoked_at",
    "revoked_by",
)


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return LinkStatus.choices

    def queryset(self, request, queryset):
        narrow = {
            LinkStatus.ACTIVE: queryset.active,
            LinkStatus.EXPIRED: queryset.expired,
            LinkStatus.REVOKED: queryset.revoked,
        }.get(self.value())
        return narrow() if narrow else queryset


@admin.register(ShareLink)
class ShareLinkAdmin(AtomicSaveMixin, ValidIdsAutocompleteMixin, admin.ModelAdmin):
    list_display = (
        "article",
        "note",
        "created_by",
        "created_at",
        "expires_at",
        "status",
    )
    list_filter = (StatusFilter, ("article", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("article", "created_by")
    search_fields = ("article__title", "note")
    autocomplete_fields = ("article",)
    actions = ("revoke",)
    # The add form and the "Revoke this link" button.
    change_form_template = "sharing/admin/sharelink_change_form.html"

    def has_add_permission(self, request):
        # Sharing an article is editing it: the link shows what the editor sees.
        return super().has_add_permission(request) and request.user.has_perm(
            "articles.change_article"
        )

    def has_change_permission(self, request, obj=None):
        # Changing a link is revoking it; the same rule as making one.
        return super().has_change_permission(request, obj) and request.user.has_perm(
            "articles.change_article"
        )

    def get_fields(self, request, obj=None):
        return ADD_FIELDS if obj is None else CHANGE_FIELDS

    def get_readonly_fields(self, request, obj=None):
        # A link is never edited: it is made, then it expires or is revoked.
        return () if obj is None else CHANGE_FIELDS

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ShareLinkForm
        return super().get_form(request, obj, change, **kwargs)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "show_save_and_add_another": False,
            "show_save_and_continue": False,
        }
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_add_another": False,
            "show_save_and_continue": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            if "_revoke" in request.POST:
                obj.revoke(by=request.user)
            return
        obj.created_by = request.user
        # The raw token lives on this instance only, until response_add shows it.
        obj.token = obj.set_token()
        super().save_model(request, obj, form, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if not add and "_revoke" in request.POST:
            return "Revoked."
        return super().construct_change_message(request, form, formsets, add)

    def response_add(self, request, obj, post_url_continue=None):
        # Shown in answer to the POST, never stored: reloading makes no new page.
        context = {
            **self.admin_site.each_context(request),
            "title": "Share link created",
            "opts": self.opts,
            "link": obj,
            "url": preview_url(obj.token),
            "expires": editor_datetime(obj.expires_at),
        }
        return TemplateResponse(
            request, "sharing/admin/sharelink_created.html", context
        )

    def response_change(self, request, obj):
        if "_revoke" in request.POST:
            self.message_user(
                request,
                f"The link is revoked: it now shows a “link revoked” page. ({obj})",
                messages.SUCCESS,
            )
            return redirect(request.path)
        return super().response_change(request, obj)

    @admin.display(description="Status")
    def status(self, obj):
        return obj.status.label

    @admin.display(description="Address")
    def address(self, obj):
        return (
            "Shown once, when the link was made: only a fingerprint of it is kept. "
            "If it was lost, revoke this link and create a new one."
        )

    @admin.action(description="Revoke selected share links", permissions=("change",))
    def revoke(self, request, queryset):
        links = list(queryset.filter(revoked_at__isnull=True))
        for link in links:
            link.revoke(by=request.user)
        count = len(links)
        self.message_user(
            request,
            f"Revoked {count} share link{'' if count == 1 else 's'}.",
            messages.SUCCESS if count else messages.WARNING,
        )


def may_share(model_admin, request, obj) -> bool:
    links_admin = model_admin.admin_site.get_model_admin(ShareLink)
    return obj is not None and links_admin.has_add_permission(request)


@admin.display(description="Links")
def share_previews(obj):
    if obj.is_published:
        return "Published: send its public address. Earlier share links lead there."
    links = obj.share_links.active().select_related("created_by")
    items = format_html_join(
        "",
        '<li><a href="{}">{}</a>, made by {}, expires {}</li>',
        (
            (
                reverse("admin:sharing_sharelink_change", args=[link.pk]),
                link.note or "Share link",
                link.created_by or "someone since removed",
                editor_datetime(link.expires_at),
            )
            for link in links
        ),
    )
    add_url = reverse("admin:sharing_sharelink_add")
    all_url = reverse("admin:sharing_sharelink_changelist")
    return format_html(
        '{}<p><a class="addlink" href="{}?{}">Create share link</a> · '
        '<a href="{}?{}">All links for this article</a></p>'
        '<p class="help">Anyone with a link can read this article as it '
        "stands, without an account, until the link expires or you revoke "
        "it.</p>",
        format_html("<ul>{}</ul>", items) if items else "No active links.",
        add_url,
        urlencode({"article": obj.pk}),
        all_url,
        urlencode({"article__id__exact": obj.pk}),
    )


# A box of read-only text, not an inline: it posts nothing with the article form.
article_admin_parts.add_panel("Share a preview", share_previews, visible_if=may_share)
