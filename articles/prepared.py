"""PreparedQuery: a queryset's SQL built once per connection, then run with new values.

Building the SQL of the article page's query (its section, hero and JSON rows)
costs several times more than running it. A PreparedQuery builds the queryset
once with marker values, remembers where they land among the SQL's parameters,
and later swaps in the request's values: no ORM work but turning the row into
a model, as the queryset itself would.
"""

import weakref
from collections.abc import Callable
from datetime import datetime

from django.db import connections, models
from django.db.models.query import get_related_populators

_DATETIME = models.DateTimeField()


def _db_value(value, connection):
    """value as the ORM passes it to the database (SQLite stores datetimes as text)."""
    if isinstance(value, datetime):
        return _DATETIME.get_db_prep_value(value, connection)
    return value


class PreparedQuery:
    """build(**markers) is a queryset; first(**values) runs it with values instead.

    Each marker must be a value the query holds nowhere else, so that its place
    among the parameters is unambiguous; the values must be of the markers' types.
    """

    def __init__(self, build: Callable[..., models.QuerySet], **markers) -> None:
        self.build = build
        self.markers = markers
        # SQL differs between databases: one compiled form per connection.
        self._compiled = weakref.WeakKeyDictionary()

    def first(self, using: str = "default", **values) -> models.Model | None:
        """The first row of the query with values in place of the markers, or None."""
        connection = connections[using]
        compiler, sql, params, slots = self._compile(connection, using)
        params = list(params)
        for index, name in slots:
            params[index] = _db_value(values[name], connection)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        return None if row is None else self._model(compiler, row, using)

    def _compile(self, connection, using: str):
        if connection not in self._compiled:
            queryset = self.build(**self.markers)
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            slots = []
            for name, marker in self.markers.items():
                found = [
                    index
                    for index, param in enumerate(params)
                    if param == _db_value(marker, connection)
                ]
                if not found:
                    raise ValueError(f"Marker {name}={marker!r} is not in the SQL")
                slots.extend((index, name) for index in found)
            self._compiled[connection] = (compiler, sql, params, slots)
        return self._compiled[connection]

    @staticmethod
    def _model(compiler, row, using: str) -> models.Model:
        """The row as a model instance, as ModelIterable makes it."""
        (row,) = compiler.results_iter([[row]])
        info = compiler.klass_info
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        names = [column[0].target.attname for column in compiler.select[start:end]]
        obj = info["model"].from_db(using, names, row[start:end])
        for populator in get_related_populators(info, compiler.select, using):
            populator.populate(row, obj)
        for name, position in compiler.annotation_col_map.items():
            setattr(obj, name, row[position])
        return obj
