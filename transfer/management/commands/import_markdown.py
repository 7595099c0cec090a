"""manage.py import_markdown PATH...: Markdown files with YAML front matter, or a
folder written by export_site, brought in through the writer (transfer/writer.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from transfer import site_files
from transfer.errors import ItemError, NotAnExport
from transfer.markdown_files import read_article
from transfer.report import Report
from transfer.users import importing_user
from transfer.writer import Outcome, write_article


def markdown_files(paths: list[str]) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """(file, the folder named for it) for the .md files named or inside the
    folders named, and the export folders among them (those with an articles/
    folder, whose YAML files are read too). A file's images must lie inside
    the folder named for it."""
    files, exports = [], []
    for name in paths:
        path = Path(name)
        if path.is_file():
            files.append((path, path.parent))
        elif (path / "articles").is_dir():
            exports.append(path)
            files += [
                (file, path) for file in sorted((path / "articles").rglob("*.md"))
            ]
        elif path.is_dir():
            files += [(file, path) for file in sorted(path.rglob("*.md"))]
        else:
            raise CommandError(f"{name} is neither a file nor a folder.")
    return files, exports


class Command(BaseCommand):
    help = (
        "Import Markdown files with YAML front matter (or folders of them, or a "
        "folder made by export_site) as drafts. Running it again updates what it "
        "imported before and creates nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--keep-status",
            action="store_true",
            help="Publish, schedule or submit as the front matter's status says "
            "(through the publishing service). Without it new articles are drafts.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would change; change nothing.",
        )
        parser.add_argument(
            "--user", help="Import as this user (default: the first active superuser)."
        )

    def handle(self, *args, **options):
        user = importing_user(options["user"])
        files, exports = markdown_files(options["paths"])
        dry_run = options["dry_run"]
        report = Report(total=len(files), stream=self.stderr)
        try:
            for folder in exports:
                for name in site_files.BEFORE_ARTICLES:
                    for outcome in site_files.read_file(name, folder, dry_run=dry_run):
                        report.record(outcome)
            self.import_articles(files, report, user=user, options=options)
            for folder in exports:
                for name in site_files.AFTER_ARTICLES:
                    for outcome in site_files.read_file(name, folder, dry_run=dry_run):
                        report.record(outcome)
        except NotAnExport as error:
            raise CommandError(str(error)) from error
        self.print_report(report, dry_run)

    def import_articles(self, files, report: Report, *, user, options) -> None:
        write = {
            "user": user,
            "as_drafts": not options["keep_status"],
            "dry_run": options["dry_run"],
        }
        waiting, read_from = [], {}
        for path, root in files:
            try:
                item = read_article(path, root)
                if (first := read_from.setdefault(item.source_id, path)) != path:
                    raise ItemError(
                        f"{first} has the same id “{item.source_id}”: "
                        "give one of them another id or slug."
                    )
            except ItemError as error:
                report.add(Outcome("failed", "article", str(path), str(error)))
                continue
            outcome = write_article(item, **write)
            report.add(outcome)
            if outcome.waiting_for:
                waiting.append((item, outcome))
        # Their see-also links point to articles later files brought in: again.
        if not options["dry_run"]:
            for item, outcome in waiting:
                again = write_article(item, **write)
                again.action = (
                    "created" if outcome.action == "created" else again.action
                )
                report.replace(outcome, again)

    def print_report(self, report: Report, dry_run: bool) -> None:
        if dry_run:
            self.stdout.write("Dry run: nothing was written. It would have been:")
            for outcome in report.outcomes:
                if outcome.action in ("created", "updated"):
                    verb = outcome.action.removesuffix("d")
                    self.stdout.write(f"  {verb} {outcome.kind} {outcome.label}")
        self.stdout.write(report.table())
        if problems := report.problems():
            self.stdout.write("\nTo look at:")
            for line in problems:
                self.stdout.write(f"  {line}")
