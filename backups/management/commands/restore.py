import shutil
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from backups import content
from backups.archive import ArchiveError, applied_migrations, read_archive
from backups.media import place_media


def unapplied_migrations() -> int:
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def archive_models(manifest: dict) -> list[tuple[type, str]]:
    """(model, member) in this code's load order; refuses models it doesn't know."""
    members = {}
    for entry in manifest["models"]:
        try:
            members[apps.get_model(entry["label"])] = entry["member"]
        except LookupError as error:
            raise CommandError(
                f"The archive holds {entry['label']}, which this version of the site "
                "doesn't have: restore it with the version that made it."
            ) from error
    order = content.backed_up_models()
    return [(model, members[model]) for model in order if model in members]


def check_schema(manifest: dict) -> None:
    here = applied_migrations()
    newer = [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if name not in here.get(app, [])
    ]
    if newer:
        raise CommandError(
            f"The archive was made by a newer version of the site ({len(newer)} "
            f"migration(s) not applied here, e.g. {newer[0]}): update the code, run "
            "migrate, then restore."
        )


class Command(BaseCommand):
    help = (
        "Load an archive written by `manage.py backup` into an empty, migrated "
        "database, and its media files into MEDIA_ROOT. Every checksum is checked "
        "first; the rows load in one transaction, so a failure changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to restore.")

    def handle(self, *args, path, **options):
        archive = Path(path)
        if not archive.is_file():
            raise CommandError(f"There is no archive at {archive}.")
        if pending := unapplied_migrations():
            raise CommandError(
                f"The database is missing {pending} migration(s): run "
                "`manage.py migrate` first, then restore."
            )
        if present := content.rows_present():
            listed = ", ".join(f"{label} ({n})" for label, n in sorted(present.items()))
            raise CommandError(
                "Restore loads into an empty database only, and this one holds "
                f"content: {listed}. Create a new database, run migrate, and restore "
                "into that. Nothing was changed."
            )
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root))
        try:
            with tempfile.TemporaryDirectory() as data_dir:
                try:
                    manifest = read_archive(archive, Path(data_dir), staging)
                except ArchiveError as error:
                    raise CommandError(f"{error} Nothing was changed.") from error
                check_schema(manifest)
                models = archive_models(manifest)
                with transaction.atomic():
                    opened = [
                        (
                            model,
                            Path(data_dir, PurePosixPath(member).name).open(
                                encoding="utf-8"
                            ),
                        )
                        for model, member in models
                    ]
                    try:
                        saved = content.load_rows(opened)
                    except (DatabaseError, DeserializationError) as error:
                        raise CommandError(
                            f"The archive's rows don't load ({error}). Nothing was "
                            "changed."
                        ) from error
                    finally:
                        for _model, stream in opened:
                            stream.close()
                    content.after_load(
                        [model for model, _member in models], self.stdout
                    )
                    placed = place_media(staging, media_root)
                # Cached settings and pages came from the database before.
                cache.clear()
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {saved} rows of {len(models)} models and {placed} media "
                f"files from {archive} (made {manifest['created_at']})."
            )
        )
