"""Which rows a backup holds, and how they are written and loaded.

Rows are Django's JSON Lines serialization (`dumpdata --format jsonl
--natural-foreign`): one object per line, so neither side holds a table in memory.
Primary keys are kept, because revisions and admin log entries name their objects by
id. Content types and permissions are not copied: `migrate` makes them on the target,
with ids of its own, and rows refer to them by natural key.
"""

import datetime
from collections.abc import Iterable, Iterator
from typing import IO

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models

# Not copied, with the reason the manifest gives.
EXCLUDED = {
    "contenttypes.contenttype": "made by migrate; rows refer to it by natural key",
    "auth.permission": "made by migrate; rows refer to it by natural key",
    "sessions.session": "logins are not content: everyone logs in again",
    "search.document": "rebuilt from articles and FAQ entries on restore",
}
# Rows migrations create on every new database (the role groups). A restore replaces
# them with the archive's, so they do not make a database count as "not empty".
SEEDED_BY_MIGRATIONS = ("auth.group",)


def model_label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def backed_up_models() -> list[type[models.Model]]:
    """Every table the site owns that a backup copies, in a loadable order.

    Any new model is included unless EXCLUDED names it, so an app added later is
    backed up without anyone remembering to list it.
    """
    app_list = [
        (
            config,
            [
                model
                for model in config.get_models()
                if model._meta.managed
                and not model._meta.proxy
                and model_label(model) not in EXCLUDED
            ],
        )
        for config in apps.get_app_configs()
    ]
    # Natural-key targets (groups, users, tags) come before the rows naming them.
    return serializers.sort_dependencies(app_list, allow_cycles=True)


class PreciseJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to ms)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            if isinstance(o, datetime.time) and o.utcoffset() is not None:
                raise ValueError("JSON can't represent timezone-aware times.")
            text = o.isoformat()
            return (
                text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
            )
        return super().default(o)


class Serializer(jsonl.Serializer):
    """JSON Lines with sorted keys and many-to-many lists, so output is repeatable:
    the same content gives the same bytes from SQLite and from PostgreSQL."""

    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = PreciseJSONEncoder
        self.json_kwargs["sort_keys"] = True

    def handle_m2m_field(self, obj, field):
        super().handle_m2m_field(obj, field)
        if field.name in self._current:
            self._current[field.name].sort()


def write_rows(model: type[models.Model], stream: IO[str]) -> int:
    """Write every row of model to stream, by primary key; return how many."""
    count = 0

    def counted(rows: Iterable[models.Model]) -> Iterator[models.Model]:
        nonlocal count
        for row in rows:
            count += 1
            yield row

    rows = model._base_manager.order_by("pk").iterator(chunk_size=500)
    Serializer().serialize(
        counted(rows),
        stream=stream,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=False,
    )
    return count


def rows_present() -> dict[str, int]:
    """Tables that already hold rows a restore would load: {label: count}."""
    present = {}
    for model in backed_up_models():
        label = model_label(model)
        if label in SEEDED_BY_MIGRATIONS:
            continue
        if count := model._base_manager.count():
            present[label] = count
    return present


def load_rows(streams: Iterable[tuple[type[models.Model], IO[str]]]) -> int:
    """Save the rows of each stream, as loaddata does (raw: no save() logic runs).

    Call inside a transaction. Returns the number of objects saved.
    """
    for label in SEEDED_BY_MIGRATIONS:
        apps.get_model(label)._base_manager.all().delete()
    saved, deferred, tables = 0, [], set()
    for model, stream in streams:
        tables.add(model._meta.db_table)
        for obj in jsonl.Deserializer(stream, handle_forward_references=True):
            obj.save()
            saved += 1
            if obj.deferred_fields:
                deferred.append(obj)
    for obj in deferred:
        obj.save_deferred_fields()
    # A clear error now, rather than a foreign key failure at commit.
    connection.check_constraints(table_names=sorted(tables))
    return saved


def after_load(loaded: list[type[models.Model]], stdout: IO[str]) -> None:
    """Make the database ready to write to and search, inside the load's transaction."""
    with connection.cursor() as cursor:
        # New rows must not take ids the restored rows have (PostgreSQL sequences).
        for statement in connection.ops.sequence_reset_sql(no_style(), loaded):
            cursor.execute(statement)
    call_command("rebuild_search_index", stdout=stdout)
