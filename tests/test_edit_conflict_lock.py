"""Two saves of one row at the same moment: the check and the save are one step.

The admin validates and saves inside one transaction. On PostgreSQL the conflict
check locks the row, so a second save made from the same stale form waits for the
first to commit and is then refused; without the lock both would pass the check
and the second would overwrite the first. SQLite needs no lock: its transactions
start IMMEDIATE (newsroom/settings.py), so one admin save runs at a time.
"""

import threading
import time

import pytest
from django import db
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.models import Section
from newsroom.edit_conflict import EditConflictForm
from tests.admin_form import change_url, form_data
from tests.factories import make_article, make_section

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite serializes writes itself"
    ),
]

WAIT_SECONDS = 10


class SectionForm(EditConflictForm):
    class Meta:
        model = Section
        fields = ("name", "slug")


def form_as_opened(section: Section, name: str) -> SectionForm:
    """The form an editor opened before anyone saved, posted with a new name."""
    seen = SectionForm(instance=section).initial["seen_updated_at"]
    return SectionForm(
        {"name": name, "slug": section.slug, "seen_updated_at": seen},
        instance=Section.objects.get(pk=section.pk),
    )


def waiting_for_a_row_lock() -> bool:
    with connection.cursor() as cursor:
        # pg_locks, not pg_stat_activity: that one is frozen for a transaction.
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0] > 0


def save_in_a_thread(form: SectionForm, outcome: dict) -> threading.Thread:
    """Validate and save form as the admin does, on a connection of its own."""

    def run():
        try:
            with transaction.atomic():
                outcome["valid"] = form.is_valid()
                if outcome["valid"]:
                    form.save()
        finally:
            db.connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_second_of_two_simultaneous_saves_waits_then_is_refused():
    section = make_section(name="News")
    first, second = form_as_opened(section, "First"), form_as_opened(section, "Second")
    outcome = {}

    with transaction.atomic():
        assert first.is_valid()
        thread = save_in_a_thread(second, outcome)
        deadline = time.monotonic() + WAIT_SECONDS
        while not waiting_for_a_row_lock() and "valid" not in outcome:
            assert time.monotonic() < deadline, "the second save neither ran nor waited"
        assert "valid" not in outcome, "the second save was checked before we saved"
        first.save()
    thread.join(WAIT_SECONDS)

    assert outcome == {"valid": False}
    assert second.has_error("__all__", code="edit_conflict")
    assert Section.objects.get().name == "First"


@pytest.mark.django_db
def test_admin_save_locks_the_row_it_checks(editor_client):
    article = make_article()
    url = change_url(article)
    data = form_data(editor_client.get(url), "article_form", title="Locked")

    with CaptureQueriesContext(connection) as queries:
        response = editor_client.post(url, data)

    assert response.status_code == 302
    assert any(
        "FOR UPDATE" in query["sql"] and '"articles_article"' in query["sql"]
        for query in queries
    )
