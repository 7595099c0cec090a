import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import cache

from tests.browser import browser, logged_in_browser  # noqa: F401
from tests.factories import make_section


@pytest.fixture(autouse=True)
def _clear_cache():
    # Site settings are cached; a test must not see the previous test's row.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def section(db):
    return make_section(name="News")


@pytest.fixture
def editor(db):
    """A staff user with full rights on articles, as the admin's editors have."""
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["articles", "faq", "taggit"]
        )
    )
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
