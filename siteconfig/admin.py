from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from siteconfig.models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fields = ("site_name", "tagline", "disclaimer")

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # There is only ever one row: go straight to its form.
        settings = SiteSettings.objects.first()
        if settings is None:
            return redirect(reverse("admin:siteconfig_sitesettings_add"))
        return redirect(
            reverse("admin:siteconfig_sitesettings_change", args=[settings.pk])
        )
