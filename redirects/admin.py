from django.contrib import admin

from newsroom.admin_mixins import AtomicSaveMixin
from newsroom.edit_conflict import EditConflictAdminMixin
from redirects.models import Redirect


@admin.register(Redirect)
class RedirectAdmin(AtomicSaveMixin, EditConflictAdminMixin, admin.ModelAdmin):
    list_display = (
        "old_path",
        "target",
        "created_at",
        "is_automatic",
        "hit_count",
        "last_hit_at",
    )
    list_filter = ("is_automatic",)
    search_fields = ("old_path", "target")
    fields = (
        "old_path",
        "target",
        "is_automatic",
        "created_at",
        "hit_count",
        "last_hit_at",
    )
    readonly_fields = ("is_automatic", "created_at", "hit_count", "last_hit_at")

    def get_fields(self, request, obj=None):
        # A new redirect has no history to show yet.
        return self.fields if obj else ("old_path", "target")
