import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only")

from newsroom.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
# Tests of the pages change rows directly and read the page again; the page cache
# is tested on its own, with the invalidation that goes with it (tests/caching/).
PAGE_CACHE_ENABLED = False
