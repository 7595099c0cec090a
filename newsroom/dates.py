"""One date format for editors: "3 March 2027, 14:02 CET", in the site's time zone.

The format is DATETIME_FORMAT in newsroom/formats/en/formats.py, so the admin's
lists and templates that print `|date:"DATETIME_FORMAT"` read the same as the
messages and labels Python writes with editor_datetime().
"""

from datetime import datetime

from django.utils import formats, timezone


def editor_datetime(value: datetime) -> str:
    """value as editors read dates and times: "3 March 2027, 14:02 CET"."""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
