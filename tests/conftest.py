import pytest
from django.core.cache import cache
from django.test import Client

from roles.permissions import Role
from roles.services import staff_user_create
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
def role_groups(db):
    """The Contributor, Editor and Administrator groups, as roles/permissions.py has them.

    migrate (and a transactional test's flush) leaves them so: see roles/apps.py.
    """


@pytest.fixture
def editor(role_groups):
    """A member of the Editor group, as the newsroom's editors are."""
    return staff_user_create(username="editor", role=Role.EDITOR, password="pw")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def contributor(role_groups):
    """A member of the Contributor group: writes drafts, submits them for review."""
    return staff_user_create(
        username="contributor", role=Role.CONTRIBUTOR, password="pw"
    )


@pytest.fixture
def contributor_client(contributor):
    # Its own client, so a test can act as a contributor and an editor in turn.
    client = Client()
    client.force_login(contributor)
    return client


@pytest.fixture
def administrator(role_groups):
    """A member of the Administrator group (not a superuser)."""
    return staff_user_create(
        username="administrator", role=Role.ADMINISTRATOR, password="pw"
    )
