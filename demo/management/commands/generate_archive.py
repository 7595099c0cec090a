"""manage.py generate_archive: a large benchmark archive, written in bulk.

It makes benchmark archives, not content: articles, bylines, tags and search
documents are inserted with bulk_create, bypassing the publishing service
(articles/publishing.py), revisions and signals; demo/archive.py fills in the derived
fields readers' pages need. It refuses to run on a database holding articles it did
not generate, unless --force.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from demo.archive import Archive, has_real_content

BAR_WIDTH = 30


class Progress:
    """A progress bar redrawn in place on stderr, with the rate and time left.

    stream is the command's stderr (an OutputWrapper: write() takes ending=).
    """

    def __init__(self, total: int, stream):
        self.total, self.stream = total, stream
        self.started = time.perf_counter()

    def __call__(self, done: int) -> None:
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        rate = done / elapsed
        filled = BAR_WIDTH * done // max(self.total, 1)
        left = (self.total - done) / rate if rate else 0
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
            f"{done:,}/{self.total:,} articles  {rate:,.0f}/s  {left:4.0f} s left ",
            ending="\n" if done >= self.total else "",
        )
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Generate a benchmark archive: ARTICLES articles with TAGS tags and AUTHORS "
        "authors, bulk-inserted with their bylines, tags, body_html and search "
        "documents. Not content: it bypasses the publishing service and refuses a "
        "database with articles it did not generate unless --force. Example: "
        "manage.py generate_archive --articles 100000 --tags 5000 --authors 200"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=1000, help="Articles to add (1000)."
        )
        parser.add_argument(
            "--tags",
            type=int,
            default=500,
            help="Tags to spread over them, a few on many articles (500).",
        )
        parser.add_argument(
            "--authors", type=int, default=50, help="Authors to sign them (50)."
        )
        parser.add_argument(
            "--sections", type=int, default=10, help="Sections to file them in (10)."
        )
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="Articles per INSERT batch."
        )
        parser.add_argument(
            "--seed", type=int, default=10, help="Same seed, same text."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Write even into a database that holds real (non-generated) articles.",
        )

    def handle(self, *args, **options):
        for name in ("articles", "tags", "authors", "sections", "batch_size"):
            if options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be at least 1.")
        if has_real_content() and not options["force"]:
            raise CommandError(
                "This database holds articles that generate_archive did not make. "
                "It writes benchmark rows past the publishing service: use an empty "
                "database, or pass --force."
            )
        archive = Archive(
            articles=options["articles"],
            tags=options["tags"],
            authors=options["authors"],
            sections=options["sections"],
            batch_size=options["batch_size"],
            seed=options["seed"],
        )
        started = time.perf_counter()
        progress = (
            Progress(archive.articles, self.stderr) if options["verbosity"] else None
        )
        done = archive.generate(progress or (lambda done: None))
        self.stdout.write(
            f"Generated {done:,} articles in {time.perf_counter() - started:.1f} s."
        )
