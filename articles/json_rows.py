"""JSONRows: a related list read in the same query as its row, as one JSON array.

The article page reads its bylines, tags and see-also links this way: one
query instead of one per list, however long the lists are. SQLite and
PostgreSQL both aggregate JSON; only the aggregate's name differs.
"""

import json
from datetime import UTC, datetime

from django.db.models import Subquery, TextField
from django.db.models.functions import JSONObject
from django.utils.dateparse import parse_datetime


class JSONRows(Subquery):
    """The rows of queryset as JSON text: '[{"field": value, ...}, ...]'.

    fields maps each key to a field path (or expression) of queryset's model.
    Subqueries drop their ordering: sort the decoded rows (rows()) in Python.
    """

    template = (
        "(SELECT COALESCE(JSON_GROUP_ARRAY(JSON(json_rows.row)), '[]') "
        "FROM (%(subquery)s) json_rows)"
    )
    output_field = TextField()

    def __init__(self, queryset, **fields):
        super().__init__(queryset.values(row=JSONObject(**fields)))

    def as_postgresql(self, compiler, connection, **extra_context):
        template = (
            "(SELECT COALESCE(JSON_AGG(json_rows.row), '[]')::text "
            "FROM (%(subquery)s) json_rows)"
        )
        return self.as_sql(compiler, connection, template=template, **extra_context)


def rows(text: str | None, *order: str) -> list[dict]:
    """Decode a JSONRows value, sorted by the keys in order."""
    decoded = json.loads(text or "[]")
    if order:
        decoded.sort(key=lambda row: tuple(row[key] for key in order))
    return decoded


def json_datetime(value: str | None) -> datetime | None:
    """A datetime from a JSON row: SQLite writes it naive in UTC, PostgreSQL with
    its offset."""
    if value is None:
        return None
    parsed = parse_datetime(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
