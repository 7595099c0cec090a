"""The framework floor: a one-file Django site returning one page's saved bytes.

No database, no middleware, no templates: what Django and gunicorn cost before the
newsroom does anything. bench/launch.py runs it as

    BENCH_FLOOR_PAGE=<file> gunicorn bench.floor_app:application --workers 2

and every path answers the file's bytes as text/html.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import re_path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-floor-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
    USE_TZ=True,
)

PAGE = Path(os.environ["BENCH_FLOOR_PAGE"]).read_bytes()


def page(request, path=""):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"^(?P<path>.*)$", page)]

application = get_wsgi_application()
