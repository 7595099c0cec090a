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
        compiled = self._compile(connection, using, values)
        params = list(compiled.params)
        for index, name, position in compiled.slots:
            value = values[name] if position is None else values[name][position]
            params[index] = _db_value(value, connection)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        return compiled.models(rows, using)

    def _compile(self, connection, using: str, values: dict) -> "_Compiled":
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
            queryset = self.build(**markers)
            compiled[shape] = _Compiled(queryset, markers, connection, using)
        return compiled[shape]


class _Compiled:
    """A queryset's SQL and what ModelIterable works out to turn its rows into models."""

    def __init__(self, queryset, markers: dict, connection, using: str) -> None:
        compiler = queryset.query.get_compiler(using=using)
        self.sql, self.params = compiler.as_sql()
        self.slots = _slots(markers, self.params, connection)
        self.compiler = compiler
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = compiler.get_converters(fields)
        info = compiler.klass_info
        self.model = info["model"]
        self.start, self.end = info["select_fields"][0], info["select_fields"][-1] + 1
        self.names = [
            column[0].target.attname
            for column in compiler.select[self.start : self.end]
        ]
        self.populators = get_related_populators(info, compiler.select, using)
        self.annotations = list(compiler.annotation_col_map.items())

    def models(self, rows, using: str) -> list[models.Model]:
        """The rows as model instances, as ModelIterable makes them."""
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        built = []
        for row in rows:
            obj = self.model.from_db(using, self.names, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, obj)
            for name, position in self.annotations:
                setattr(obj, name, row[position])
            built.append(obj)
        return built


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
