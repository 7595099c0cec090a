"""PreparedQuery: a queryset's SQL built once per connection, then run with new values.

Building the SQL of the article page's queries (its article with section, hero
and JSON rows; related articles) costs several times more than running it. A
PreparedQuery builds the queryset once with marker values, remembers where they
land among the SQL's parameters, and later swaps in the request's values: no
ORM work but turning rows into models, as the queryset itself would.
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


class IdList:
    """The marker of a list of ids: one negative number per id, as many as given."""

    def __init__(self, start: int) -> None:
        self.start = start

    def markers(self, length: int) -> list[int]:
        return [self.start - index for index in range(length)]


class PreparedQuery:
    """build(**markers) is a queryset; first(**values) and all(**values) run it with
    values in their place.

    Each marker must be a value the query holds nowhere else, so that its place
    among the parameters is unambiguous; values must be of the markers' types.
    An IdList marker takes a non-empty list of ids: the SQL is built once per
    connection and length of each list.
    """

    def __init__(self, build: Callable[..., models.QuerySet], **markers) -> None:
        self.build = build
        self.markers = markers
        # SQL differs between databases: compiled forms per connection.
        self._compiled = weakref.WeakKeyDictionary()

    def first(self, using: str = "default", **values) -> models.Model | None:
        """The first row with values in place of the markers, or None."""
        found = self.all(using, **values)
        return found[0] if found else None

    def all(self, using: str = "default", **values) -> list[models.Model]:
        """Every row with values in place of the markers."""
        connection = connections[using]
        compiler, sql, params, slots = self._compile(connection, using, values)
        params = list(params)
        for index, name, position in slots:
            value = values[name] if position is None else values[name][position]
            params[index] = _db_value(value, connection)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [self._model(compiler, row, using) for row in rows]

    def _compile(self, connection, using: str, values: dict):
        shape = tuple(
            len(values[name])
            for name, marker in self.markers.items()
            if isinstance(marker, IdList)
        )
        compiled = self._compiled.setdefault(connection, {})
        if shape not in compiled:
            markers = {
                name: marker.markers(len(values[name]))
                if isinstance(marker, IdList)
                else marker
                for name, marker in self.markers.items()
            }
            compiler = self.build(**markers).query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            compiled[shape] = (
                compiler,
                sql,
                params,
                _slots(markers, params, connection),
            )
        return compiled[shape]

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


def _slots(markers: dict, params, connection) -> list[tuple[int, str, int | None]]:
    """(index in params, marker name, position in its list or None) per marker use."""
    wanted = {}
    for name, marker in markers.items():
        if isinstance(marker, list):
            for position, each in enumerate(marker):
                wanted[each] = (name, position)
        else:
            wanted[_db_value(marker, connection)] = (name, None)
    slots = [
        (index, *wanted[param])
        for index, param in enumerate(params)
        if isinstance(param, str | int | datetime) and param in wanted
    ]
    missing = set(wanted.values()) - {slot[1:] for slot in slots}
    if missing:
        raise ValueError(f"Markers not found in the SQL: {sorted(missing)}")
    return slots
