from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.archive import write_archive


class Command(BaseCommand):
    help = (
        "Write the whole site to one archive: every row the site owns (users and "
        "revisions included) and the media files, with a manifest of checksums. "
        "Restore it with `manage.py restore PATH`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="The archive to write, e.g. site-2026-12-01.tar.gz"
        )

    def handle(self, *args, path, **options):
        target = Path(path)
        if target.exists():
            raise CommandError(f"{target} exists already: choose a new name.")
        if not target.parent.is_dir():
            raise CommandError(f"There is no folder {target.parent} to write into.")
        manifest = write_archive(target, Path(settings.MEDIA_ROOT))
        rows = sum(model["count"] for model in manifest["models"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {target}: {rows} rows of {len(manifest['models'])} models "
                f"and {manifest['media_files']} media files "
                f"({target.stat().st_size} bytes)."
            )
        )
