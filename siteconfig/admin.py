from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from newsroom.admin_mixins import AtomicSaveMixin
from newsroom.edit_conflict import EditConflictAdminMixin
from siteconfig.models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(AtomicSaveMixin, EditConflictAdminMixin, admin.ModelAdmin):
    fields = ("site_name", "tagline", "disclaimer")

    def has_add_permission(self, request):
        # Still ask for the permission; only then refuse a second row.
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # There is no second row to add, so the button would end on an error page.
        extra_context = {**(extra_context or {}), "show_save_and_add_another": False}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        # There is only ever one row: go straight to its form.
        settings = SiteSettings.objects.first()
        if settings is None:
            return redirect(reverse("admin:siteconfig_sitesettings_add"))
        return redirect(
            reverse("admin:siteconfig_sitesettings_change", args=[settings.pk])
        )
