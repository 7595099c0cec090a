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
# A server started for a test (tests/server.py) may turn it on: NEWSROOM_PAGE_CACHE=1.
PAGE_CACHE_ENABLED = env_bool("NEWSROOM_PAGE_CACHE", default=False)  # noqa: F405
