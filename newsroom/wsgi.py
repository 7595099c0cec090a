import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_wsgi_application()

# After Django is set up: page-cache hits never reach its request handling.
from caching.wsgi import serve_cached_pages  # noqa: E402

application = serve_cached_pages(application)
