"""|iso, |day and |short_day print what Django's |date prints for their formats."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone

UTC = ZoneInfo("UTC")
VALUES = [
    datetime(2027, 3, 3, 14, 2, tzinfo=UTC),
    datetime(2027, 3, 28, 0, 59, 59, 123456, tzinfo=UTC),  # a DST change in Europe
    datetime(2026, 12, 31, 23, 30, tzinfo=UTC),  # the next day, and year, in Paris
    datetime(2027, 5, 1, 9, 0),  # naive
    date(2027, 9, 9),
    None,
    "",
]
PAIRS = [("iso", '"c"'), ("day", '"j F Y"'), ("short_day", '"j M Y"')]


def render(source: str, value) -> str:
    return Template("{% load dates %}" + source).render(Context({"value": value}))


@pytest.mark.parametrize("zone", ["UTC", "Europe/Paris", "America/New_York"])
@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(("name", "django_format"), PAIRS)
def test_same_text_as_the_date_filter(zone, value, name, django_format):
    with override_settings(TIME_ZONE=zone), timezone.override(zone):
        ours = render(f"{{{{ value|{name} }}}}", value)
        django = render(f"{{{{ value|date:{django_format} }}}}", value)
    assert ours == django


def test_localtime_off_leaves_the_value_alone():
    value = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    with timezone.override("Europe/Paris"):
        shown = render(
            "{% load tz %}{% localtime off %}{{ value|iso }}{% endlocaltime %}", value
        )
    assert shown == "2026-12-31T23:30:00+00:00"
