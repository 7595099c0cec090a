from django.urls import path

from newsroom.urls import handler500, urlpatterns as site_urlpatterns  # noqa: F401


def broken_view(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("boom/", broken_view), *site_urlpatterns]
