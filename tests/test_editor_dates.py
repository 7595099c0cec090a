"""Editors read one date format everywhere: "3 March 2027, 14:02 CET"."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template
from django.utils import timezone
from django.utils.formats import date_format

from newsroom.dates import editor_datetime

MOMENT = datetime(2027, 3, 3, 13, 2, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _paris(settings):
    settings.TIME_ZONE = "Europe/Paris"


def test_editor_datetime_reads_day_month_year_and_local_time():
    assert editor_datetime(MOMENT) == "3 March 2027, 14:02 CET"


def test_admin_datetime_format_is_the_editor_format():
    # What the admin's lists print.
    local = timezone.localtime(MOMENT)

    assert date_format(local, "DATETIME_FORMAT") == editor_datetime(MOMENT)


def test_templates_datetime_format_is_the_editor_format():
    template = Template('{{ value|date:"DATETIME_FORMAT" }}')

    assert template.render(Context({"value": MOMENT})) == "3 March 2027, 14:02 CET"
