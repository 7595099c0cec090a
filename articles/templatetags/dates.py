"""|iso, |day and |short_day: the date formats readers' pages print, made quickly.

Django's |date looks up the language's formats and parses the format string on
every use: about 30 microseconds, and an article page prints a dozen dates, a
list page forty, a sitemap file a thousand. These print the same text as
|date:"c", |date:"j F Y" and |date:"j M Y" (tests/test_date_filters.py) in a
fraction of that. Like |date, they get the value in the current time zone.
"""

from django import template
from django.utils.dates import MONTHS, MONTHS_3

register = template.Library()


@register.filter(expects_localtime=True)
def iso(value) -> str:
    """ISO 8601, as |date:"c": 2027-03-03T14:02:00+01:00."""
    return value.isoformat() if value else ""


@register.filter(expects_localtime=True)
def day(value) -> str:
    """As |date:"j F Y": 3 March 2027."""
    return f"{value.day} {MONTHS[value.month]} {value.year}" if value else ""


@register.filter(expects_localtime=True)
def short_day(value) -> str:
    """As |date:"j M Y": 3 Mar 2027."""
    return f"{value.day} {MONTHS_3[value.month].title()} {value.year}" if value else ""
