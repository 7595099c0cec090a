"""Import a WordPress export: each post or page through the writer, the rest counted.

Posts become articles and pages guides (or are skipped); attachments are the
media library, brought in as they are used. Comments, menus, other post types
and postmeta the importer doesn't understand are counted in the report. Every
item is written in its own transaction (transfer.writer), so a broken one is
reported and the rest go on.
"""

from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

from transfer.errors import ItemError
from transfer.report import Report
from transfer.wordpress import mapping
from transfer.wordpress.media import MediaLibrary
from transfer.wordpress.wxr import BrokenItem, Export, Item, read_export
from transfer.writer import Outcome, write_article

PAGE_CHOICES = ("guides", "skip")
ARTICLE_TYPES = ("post", "page")


def import_wordpress(
    path: Path,
    *,
    user,
    media_dir: Path | None = None,
    pages: str = "guides",
    as_drafts: bool = False,
    dry_run: bool = False,
    zone: ZoneInfo,
    stream=None,
) -> Report:
    """Import the export at path; NotAnExport (nothing changed) if it isn't one."""
    export = read_export(path)
    report = Report(total=_count_articles(export), stream=stream)
    media = MediaLibrary(export.attachments(), media_dir, dry_run=dry_run)
    counted = _Counted()
    unknown_shortcodes: dict[str, list[str]] = {}
    missing_images: list[Outcome] = []
    for item in export.items:
        if isinstance(item, BrokenItem):
            report.add(Outcome("failed", "item", _label(item), item.reason))
            continue
        counted.add(item)
        if item.post_type not in ARTICLE_TYPES:
            continue
        kind = "page" if item.post_type == "page" else "article"
        label = mapping.label(item)
        if kind == "page" and pages == "skip":
            report.add(Outcome("skipped", kind, label, "pages are skipped (--pages)"))
            continue
        if reason := mapping.skip_reason(item):
            report.add(Outcome("skipped", kind, label, reason))
            continue
        try:
            mapped = mapping.to_article(
                item,
                export=export,
                media=media,
                kind=mapping.kind_for(item.post_type),
                zone=zone,
            )
        except ItemError as error:
            report.add(Outcome("failed", kind, label, str(error)))
            continue
        outcome = write_article(
            mapped.article, user=user, as_drafts=as_drafts, dry_run=dry_run
        )
        outcome.kind = kind
        report.add(outcome)
        missing_images += [
            Outcome("skipped", "image", f"{label}: {missing.url}", missing.reason)
            for missing in mapped.missing_images
        ]
        for shortcode in mapped.unknown_shortcodes:
            unknown_shortcodes.setdefault(shortcode, []).append(f"#{item.post_id}")
    # Images are rows of the table, not steps of the progress bar.
    report.total = 0
    for outcome in media.outcomes + missing_images:
        report.add(outcome)
    counted.note_in(report)
    if unknown_shortcodes:
        listed = ", ".join(
            f"{code} ({' '.join(ids)})"
            for code, ids in sorted(unknown_shortcodes.items())
        )
        report.note(
            "shortcodes",
            len(unknown_shortcodes),
            f"unknown, left as text: {listed}",
        )
    return report


def _label(item: BrokenItem) -> str:
    return f"#{item.post_id} {item.title or '(no title)'}"


def _count_articles(export: Export) -> int:
    return sum(
        1
        for item in export.items
        if isinstance(item, BrokenItem) or item.post_type in ARTICLE_TYPES
    )


class _Counted:
    """What the export holds that is counted, not imported."""

    def __init__(self):
        self.comments = 0
        self.menu_items = 0
        self.attachments = 0
        self.other_types: Counter[str] = Counter()
        self.other_meta: Counter[str] = Counter()
        self.other_terms: Counter[str] = Counter()

    def add(self, item: Item) -> None:
        self.comments += item.comments
        if item.post_type == "attachment":
            self.attachments += 1
        elif item.post_type == "nav_menu_item":
            self.menu_items += 1
        elif item.post_type not in ARTICLE_TYPES:
            self.other_types[item.post_type] += 1
        if item.post_type in ARTICLE_TYPES:
            for key, values in item.meta.items():
                if key not in mapping.UNDERSTOOD_META:
                    self.other_meta[key] += len(values)
            for term in item.terms:
                if term.domain not in mapping.UNDERSTOOD_TAXONOMIES:
                    self.other_terms[term.domain or "(no domain)"] += 1

    def note_in(self, report: Report) -> None:
        report.note(
            "attachments",
            self.attachments,
            "in the media library: imported as images where posts use them",
        )
        report.note("comments", self.comments, "counted, not imported")
        report.note("menu items", self.menu_items, "counted, not imported")
        if self.other_types:
            report.note(
                "other post types",
                sum(self.other_types.values()),
                f"plugins' data, not imported: {_listed(self.other_types)}",
            )
        if self.other_terms:
            report.note(
                "terms",
                sum(self.other_terms.values()),
                f"of other taxonomies, not imported: {_listed(self.other_terms)}",
            )
        if self.other_meta:
            report.note(
                "postmeta",
                sum(self.other_meta.values()),
                f"fields not understood, not imported: {_listed(self.other_meta)}",
            )


def _listed(counter: Counter) -> str:
    return ", ".join(f"{name} ({count})" for name, count in counter.most_common())
