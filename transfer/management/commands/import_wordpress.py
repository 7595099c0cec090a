"""manage.py import_wordpress EXPORT.xml: a WordPress site's posts and pages, here."""

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from transfer.errors import NotAnExport
from transfer.users import importing_user
from transfer.wordpress.importer import PAGE_CHOICES, import_wordpress


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools → Export, WXR 1.0 to 1.2): posts become "
        "articles, pages guides, categories sections and tags, attachments found "
        "under --media library images. Running it again updates what it imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The WXR file (.xml).")
        parser.add_argument(
            "--media",
            type=Path,
            help="A copy of the site's wp-content/uploads folder.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would happen; change nothing.",
        )
        parser.add_argument(
            "--as-drafts",
            action="store_true",
            help="Bring new articles in as drafts, whatever their WordPress status.",
        )
        parser.add_argument(
            "--pages",
            choices=PAGE_CHOICES,
            default="guides",
            help="Import pages as guides (default) or skip them.",
        )
        parser.add_argument(
            "--user",
            help="The account that imports and publishes (default: the first "
            "active superuser).",
        )
        parser.add_argument(
            "--timezone",
            default=settings.TIME_ZONE,
            help="The WordPress site's time zone, for posts without a GMT date "
            "(default: TIME_ZONE, %(default)s).",
        )

    def handle(self, *args, **options):
        media = options["media"]
        if media is not None and not media.is_dir():
            raise CommandError(f"--media {media} is not a folder.")
        try:
            zone = ZoneInfo(options["timezone"])
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise CommandError(f"Unknown time zone {options['timezone']!r}.") from error
        try:
            report = import_wordpress(
                options["export"],
                user=importing_user(options["user"]),
                media_dir=media,
                pages=options["pages"],
                as_drafts=options["as_drafts"],
                dry_run=options["dry_run"],
                zone=zone,
                stream=self.stderr,
            )
        except NotAnExport as error:
            raise CommandError(str(error)) from error
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was changed.")
        self.stdout.write(report.table())
        if problems := report.problems():
            self.stdout.write("\nTo look at:")
            for line in problems:
                self.stdout.write(f"  {line}")
