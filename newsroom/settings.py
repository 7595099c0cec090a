"""Settings for the newsroom site, one module for every machine.

The environment decides whatever differs between a laptop and a server, and every
default is the safe one: debug off, secure cookies, SQLite and a local-memory cache
until DATABASE_URL and REDIS_URL say otherwise. See the README for the variables.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no variable: 1, true, yes and on (any case) mean yes."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated variable into a list, dropping blanks."""
    value = os.environ.get(name, default)
    return [item.strip() for item in value.split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY, or DJANGO_DEBUG=1 for local work."
        )
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The public address of the site, used for absolute URLs in feeds and metadata.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Tag names typed in a form are cleaned like every saved text (articles/tags.py).
TAGGIT_TAGS_FROM_STRING = "articles.tags.parse_tags"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "taggit",
    "reversion",
    "django_prose_editor",
    "siteconfig",
    "images",
    "articles",
    "history",
    "faq",
    "sharing",
    "redirects",
    "roles",
    "corrections",
    # After the apps whose pages it lists in feeds, sitemaps and metadata.
    "syndication",
    "search",
    # Clears cached pages when the content of the apps above changes.
    "caching",
    "demo",
    "backups",
    "transfer",
]

MIDDLEWARE = [
    # First: a cached page is answered before anything else runs (caching/).
    "caching.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "newsroom.middleware.ContentSecurityPolicyMiddleware",
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    # Turns a login that axes refused into the lockout page (roles/throttling.py).
    "axes.middleware.AxesMiddleware",
    # A crafted list action on ids that can't be ids: 400, not a 500.
    "newsroom.admin_ids.MalformedAdminIdsMiddleware",
    # Last, so it sees a view's 404 first and only then looks for a redirect.
    "redirects.middleware.RedirectFallbackMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "siteconfig.context_processors.site_settings",
                "articles.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A connection the database dropped is replaced, not used for a request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, plus fresh planner statistics (newsroom/sqlite/base.py).
    DATABASES["default"]["ENGINE"] = "newsroom.sqlite"
    # SQLite as a real embedded database for several gunicorn workers: WAL lets
    # readers go on while one writer writes; IMMEDIATE takes the write lock when a
    # transaction starts, so a second writer waits (up to "timeout" seconds) instead
    # of failing with "database is locked" halfway through its save.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        # Options given in DATABASE_URL's query string win.
        **DATABASES["default"].get("OPTIONS", {}),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that went away costs a reader seconds, not a hung worker.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": 3,
        # Server-side binding, and psycopg preparing a statement on its fifth run
        # on a connection: pages skip planning their queries again (about 0.6 ms
        # an article page). Django turns preparing off for connection poolers: one
        # in front must keep prepared statements (PgBouncer 1.21+,
        # max_prepared_statements).
        "server_side_binding": True,
        "prepare_threshold": 5,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's, reusing its Redis client (caching/redis.py).
            "BACKEND": "caching.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Caching of reader pages (caching/): shared caches (the front nginx, a CDN) keep
# a page this long at most, or until the next scheduled article goes live; where
# no purge reaches them, this bounds how stale a page gets.
SHARED_CACHE_SECONDS = int(os.environ.get("NEWSROOM_SHARED_CACHE_SECONDS", "60"))
# While a front cache fetches a fresh copy, it may answer with the stale one this
# long; while the site is down or erroring, this long.
SHARED_CACHE_STALE_WHILE_REVALIDATE = int(
    os.environ.get("NEWSROOM_STALE_WHILE_REVALIDATE_SECONDS", "30")
)
SHARED_CACHE_STALE_IF_ERROR = int(
    os.environ.get("NEWSROOM_STALE_IF_ERROR_SECONDS", str(24 * 60 * 60))
)
# The app's own page cache in CACHES["default"]; 0 turns it off (headers stay).
PAGE_CACHE_ENABLED = env_bool("NEWSROOM_PAGE_CACHE", default=True)
# With Redis, each worker answers a page it read from Redis this recently from its
# own copy (caching/redis.py); a change on this machine drops the copies at once,
# one on another machine within this time. Below the front's second purge (1 s).
PAGE_CACHE_NEAR_SECONDS = float(
    os.environ.get("NEWSROOM_PAGE_CACHE_NEAR_SECONDS", "0.5")
)
# Where to send PURGE requests for changed pages (the front nginx), e.g.
# http://127.0.0.1:8080; unset: no purge, SHARED_CACHE_SECONDS bounds staleness.
FRONT_CACHE_PURGE_URL = os.environ.get("NEWSROOM_FRONT_CACHE_PURGE_URL", "").rstrip("/")

# Axes first: it refuses a locked-out login before a password is checked. It has
# no get_user(), so test clients' force_login() goes to ModelBackend untouched.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Behind our nginx front server, which sets X-Real-IP to the client's address.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")

# Login throttling (django-axes): 5 failures for one user name from one address
# lock that pair out until 15 minutes after the last failure; a correct login
# before then starts the count again. Administrators unlock in the admin.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout don't extend it: the page can say when it ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "roles.throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "roles.throttling.lockout_response"
# Failed attempts are what throttling needs; a row per successful login is not.
AXES_DISABLE_ACCESS_LOG = True

# Checked by the admin's user forms and manage.py create_staff_user; only
# demo_content, with debug on, makes accounts with the demo's short passwords.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
# Editors' one date format (newsroom/dates.py).
FORMAT_MODULE_PATH = ["newsroom.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Media in an S3-compatible bucket when NEWSROOM_S3_BUCKET names one, so that several
# app servers share it (README, "Outgrowing one machine"). boto3 finds the keys itself
# (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION). Media is public:
# plain URLs under MEDIA_URL, never signed ones, so the pages showing them stay
# cacheable; the bucket's policy (or NEWSROOM_S3_ACL) lets anyone read it.
S3_BUCKET = os.environ.get("NEWSROOM_S3_BUCKET", "").strip()
MEDIA_ORIGIN = ""  # Where media comes from when not from the site itself (CSP).
if S3_BUCKET:
    _endpoint = os.environ.get("NEWSROOM_S3_ENDPOINT_URL", "").strip().rstrip("/")
    # Readers' address of the bucket: a CDN or custom domain, else the endpoint's.
    MEDIA_URL = os.environ.get("NEWSROOM_S3_PUBLIC_URL", "").strip().rstrip("/") or (
        f"{_endpoint}/{S3_BUCKET}"
        if _endpoint
        else f"https://{S3_BUCKET}.s3.amazonaws.com"
    )
    MEDIA_URL += "/"
    _public = urlsplit(MEDIA_URL)
    MEDIA_ORIGIN = f"{_public.scheme}://{_public.netloc}"
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": _endpoint or None,
            # URLs are MEDIA_URL + name, made without asking the bucket.
            "url_protocol": f"{_public.scheme}:",
            "custom_domain": _public.netloc + _public.path.rstrip("/"),
            "querystring_auth": False,
            "default_acl": os.environ.get("NEWSROOM_S3_ACL", "").strip() or None,
            # Two uploads named alike must not overwrite each other's files.
            "file_overwrite": False,
            # Not immutable: a deleted image's name can be given to a later upload.
            "object_parameters": {"CacheControl": "public, max-age=604800"},
        },
    }

# A post's form fields (files aside) larger than this are refused before they reach
# a form, with the 413 page (newsroom/views.py). Well above the longest body the
# article form accepts (articles/forms.py, BODY_MAX_CHARS), so that a too-long body
# still reaches the form and gets an error that keeps the text.
DATA_UPLOAD_MAX_MEMORY_SIZE = 32 * 1024 * 1024
# The image library refuses larger uploads, and images of more pixels, with a
# form error naming the limit (images/processing.py).
IMAGES_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
IMAGES_MAX_PIXELS = 25_000_000  # A 6000 x 4000 camera frame fits.

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
# Only staff have sessions: a working day's login, out of reach of scripts and of
# other sites' forms. A password change ends every other session (Django's
# session auth hash).
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = not DEBUG and env_bool("DJANGO_SSL_REDIRECT", default=True)
# Probes come to the process itself, over plain HTTP (newsroom/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Every asset is our own: nothing from other origins, nothing inline. Images too:
# no template, stylesheet or editor needs data: URLs, and the sanitizer keeps only
# the site's own images in bodies (articles/sanitize_policy.py).
# Media in a bucket (above) is the one other origin images may come from.
_IMG_SRC = " ".join(filter(None, ["'self'", MEDIA_ORIGIN]))
CONTENT_SECURITY_POLICY = (
    f"default-src 'self'; img-src {_IMG_SRC}; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
# Both only once every subdomain is served over HTTPS: browsers remember them.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
