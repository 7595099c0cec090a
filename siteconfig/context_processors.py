from django.utils.functional import SimpleLazyObject

from siteconfig.models import SiteSettings


def site_settings(request):
    return {"site": SimpleLazyObject(SiteSettings.current)}
