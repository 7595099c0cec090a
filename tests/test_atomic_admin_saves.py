"""A save that fails halfway changes nothing and gives the editor their text back.

The failure is real: a receiver, connected only in the test, raises DatabaseError
from inside the admin's save transaction, after the edited row itself is saved.
"""

import pytest
from django.db import DatabaseError
from django.db.models.signals import post_save
from django.urls import reverse
from pytest_django.asserts import assertContains
from reversion.models import Revision

from articles.models import Section
from tests.admin_form import form_data, post_change_form
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db

SAVE_FAILED = "The save failed and nothing was changed"


@pytest.fixture
def failing_save_of():
    """Make every save of the given model fail, for this test only."""
    connected = []

    def fail(sender, **kwargs):
        raise DatabaseError("simulated failure halfway through the save")

    def connect(model):
        post_save.connect(fail, sender=model, dispatch_uid=f"fail-{model.__name__}")
        connected.append(model)

    yield connect
    for model in connected:
        post_save.disconnect(sender=model, dispatch_uid=f"fail-{model.__name__}")


def test_failed_article_save_keeps_the_live_version_and_the_typed_text(
    editor_client, failing_save_of
):
    article = make_article(title="Live title", body="<p>Live body.</p>")
    # Revisions are written last, after the article and its inlines.
    failing_save_of(Revision)
    response = post_change_form(
        editor_client,
        article,
        title="Edited title",
        body="<p>Words the editor typed.</p>",
    )
    assert response.status_code == 200
    assertContains(response, SAVE_FAILED)
    assertContains(response, "Words the editor typed.")
    article.refresh_from_db()
    assert (article.title, article.body) == ("Live title", "<p>Live body.</p>")
    page = editor_client.get(article.get_absolute_url())
    assertContains(page, "Live body.")
    assert "Edited title" not in page.content.decode()


def test_failed_section_save_changes_nothing_and_keeps_the_typed_text(
    editor_client, failing_save_of
):
    section = make_section(name="World")
    failing_save_of(Section)
    url = reverse("admin:articles_section_change", args=[section.pk])
    data = form_data(editor_client.get(url), "section_form", name="Planet")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assertContains(response, SAVE_FAILED)
    assertContains(response, 'value="Planet"')
    section.refresh_from_db()
    assert section.name == "World"
