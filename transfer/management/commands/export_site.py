"""manage.py export_site DIR: every article as a Markdown file, with its images and
the site's sections, authors, tags, FAQ, redirects and corrections (transfer/export.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from transfer.export import Exporter


class Command(BaseCommand):
    help = (
        "Write the site into DIR as Markdown files with YAML front matter plus "
        "images and YAML files, which import_markdown --keep-status DIR reads back."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(f"{folder} is not empty: export into a new folder.")
        exporter = Exporter(folder)
        counts = exporter.export()
        written = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        self.stdout.write(f"Wrote {written} to {folder}.")
        for missing in exporter.missing:
            self.stdout.write(f"Not copied, the body keeps its address: {missing}")
