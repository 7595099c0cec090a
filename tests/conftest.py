import itertools
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

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


@pytest.fixture(scope="session")
def _media_roots(tmp_path_factory):
    """Fresh MEDIA_ROOT paths, one per call to next(), none of them made yet."""
    base = tmp_path_factory.mktemp("media")
    return (base / str(number) / "media" for number in itertools.count())


@pytest.fixture(autouse=True)
def _media_root(settings, _media_roots):
    # A folder of its own for each test, made only when a file is stored there. Not
    # tmp_path: most tests store no file, and pytest finds tmp_path's number by
    # listing every earlier test's folder, which grows slower as the run goes on.
    settings.MEDIA_ROOT = next(_media_roots)


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


@dataclass(frozen=True)
class DemoSite:
    """The demo publication a module shares: what the first run printed, its files."""

    output: str
    media_root: Path


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run demo_content once for the whole module; roll it all back after the module.

    Drawing and encoding the demo's images takes seconds, so a module's tests share
    one load instead of one each. Tests take it through `demo`, which runs each test
    in a savepoint inside this transaction: what a test changes in the database is
    undone before the next. The files under media_root are shared: don't change them.
    """
    media_root = tmp_path_factory.mktemp("demo-media")
    module_transaction = transaction.atomic()
    # Marked as TestCase marks its own, so a durable atomic block may run inside it.
    module_transaction._from_testcase = True
    with django_db_blocker.unblock(), module_transaction:
        out = StringIO()
        # The command refuses to run without debug (it creates admin / admin).
        with override_settings(DEBUG=True, MEDIA_ROOT=media_root):
            call_command("demo_content", stdout=out)
        try:
            yield DemoSite(output=out.getvalue(), media_root=media_root)
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def demo(demo_site, db, settings):
    """The module's demo publication, with debug on and MEDIA_ROOT at its files.

    Not for transaction=True tests: they would flush the module's load.
    """
    settings.DEBUG = True
    settings.MEDIA_ROOT = demo_site.media_root
    return demo_site
