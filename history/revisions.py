"""Article revisions, stored by django-reversion.

Every save of an article in the admin keeps one revision: the article's fields and the
rows that belong to it, listed in PARTS (bylines, tags, see-also links, and the FAQ
placements that faq adds through follow(), from its own ready()). A
revision holds exactly one article; only the admin's change form and
revision_restore() make them.

Correction notes are not part of a revision: restoring older text must never take back
a correction readers have seen. Editors compare two revisions (snapshots + compare())
and restore one as a draft (revision_restore()) from the article's History page.
"""

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext
from reversion.errors import RevertError
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from articles import publishing
from articles.models import (
    Article,
    Author,
    Byline,
    LinkKind,
    Section,
    SeeAlsoLink,
    Status,
)
from newsroom.dates import editor_datetime

# Fields a restore leaves as they are now: the address readers know, the dates
# readers were shown, and the newsroom's own bookkeeping.
KEPT_ON_RESTORE = frozenset(
    ("slug", "published_at", "revised_at", "review_comment", "created_by", "created_at")
)
# Shown as diffs of their own on the compare page; every other field the admin edits
# is listed as "before → after".
TEXT_FIELDS = ("title", "summary")
BODY_FIELD = "body"
STATUS_FIELD = "status"
# HTML that starts a new line in the body diff, so a body saved on one line (as the
# rich-text editor does) still compares paragraph by paragraph.
BLOCK_START = re.compile(
    r"(?=<(?:p|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|figure|hr|div)\b)",
    re.IGNORECASE,
)
WORD = re.compile(r"<[^>]*>|[^\s<]+|\s+")
CONTEXT_LINES = 2


@dataclass(frozen=True)
class Part:
    """Rows kept with every article revision, reached through one Article attribute."""

    accessor: str  # The Article attribute that lists the rows, e.g. "bylines".
    model: type[models.Model]
    label: str  # Its heading on the compare page.
    describe: Callable[[list], list[str]]  # Rows, any order -> lines, readers' order.


PARTS: list[Part] = []
# The article's own rows come first on the compare page, whichever app's ready()
# runs first; other apps' parts follow in the order they were added.
OWN_ROWS = ("bylines", "tagged_items", "see_also_links")


def follow(part: Part) -> None:
    """Keep part's rows in every article revision from now on."""
    if not reversion.is_registered(part.model):
        reversion.register(part.model)
    PARTS.append(part)
    PARTS.sort(key=lambda p: p.accessor not in OWN_ROWS)
    # The follow list is fixed at registration, so register the article afresh.
    if reversion.is_registered(Article):
        reversion.unregister(Article)
    reversion.register(Article, follow=[p.accessor for p in PARTS])


def _in_order(rows: list) -> list:
    return sorted(rows, key=lambda row: (row.position, row.pk or 0))


def _names(model: type[models.Model], pks) -> dict:
    return {pk: str(obj) for pk, obj in model._base_manager.in_bulk(set(pks)).items()}


def describe_bylines(rows: list[Byline]) -> list[str]:
    rows = _in_order(rows)
    names = _names(Author, [row.author_id for row in rows])
    return [names.get(row.author_id, "(an author deleted since)") for row in rows]


def describe_tags(rows: list[TaggedItem]) -> list[str]:
    names = _names(Tag, [row.tag_id for row in rows])
    return sorted(
        (names.get(row.tag_id, "(a tag deleted since)") for row in rows), key=str.lower
    )


def describe_see_also(rows: list[SeeAlsoLink]) -> list[str]:
    rows = _in_order(rows)
    titles = _names(Article, [row.target_article_id for row in rows])
    sections = _names(Section, [row.target_section_id for row in rows])
    lines = []
    for row in rows:
        target = {
            LinkKind.ARTICLE: titles.get(row.target_article_id, "(no article)"),
            LinkKind.SECTION: sections.get(row.target_section_id, "(no section)"),
            LinkKind.NEWS: "latest news",
            LinkKind.EXTERNAL: row.url,
        }.get(row.kind, "")
        line = f"{row.get_kind_display()}: {target}"
        if row.label:
            line += f", link text “{row.label}”"
        if row.description:
            line += f", “{row.description}”"
        lines.append(line)
    return lines


def register() -> None:
    """Register the article and its own rows; called once, from HistoryConfig.ready()."""
    follow(Part("bylines", Byline, "Authors", describe_bylines))
    follow(Part("tagged_items", TaggedItem, "Tags", describe_tags))
    follow(Part("see_also_links", SeeAlsoLink, "See also links", describe_see_also))
    publishing.keep_revisions_with(keep_revision)


def keep_revision(article: Article, user, comment: str) -> None:
    """Keep a revision of article after a transition (articles/publishing.py).

    Inside a revision already open (the change form's save), the article joins it and
    the comment is added to the form's, so one save makes one revision.
    """
    if reversion.is_active():
        reversion.add_to_revision(article)
        if reversion.get_user() is None:
            reversion.set_user(user)
        earlier = reversion.get_comment()
        # "No fields changed." says nothing once the transition is named.
        if earlier and earlier != gettext("No fields changed."):
            comment = f"{earlier.rstrip('.')}. {comment}"
        reversion.set_comment(comment)
        return
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment(comment)


# Snapshots: an article's fields and rows at one moment, a revision's or today's.


@dataclass
class Snapshot:
    fields: dict  # Field attname -> value.
    rows: dict = field(default_factory=dict)  # Part accessor -> rows.


def _field_values(article: Article) -> dict:
    return {f.attname: getattr(article, f.attname) for f in _concrete_fields()}


def snapshot_of_article(article: Article) -> Snapshot:
    """The article as it is in the database now."""
    return Snapshot(
        fields=_field_values(article),
        rows={
            part.accessor: list(getattr(article, part.accessor).all()) for part in PARTS
        },
    )


def snapshot_of_version(version: Version) -> Snapshot:
    """The article as a revision stored it: its own fields and its parts' rows."""
    parts = {ContentType.objects.get_for_model(part.model).pk: part for part in PARTS}
    rows = {part.accessor: [] for part in PARTS}
    for row_version in version.revision.version_set.exclude(pk=version.pk):
        part = parts.get(row_version.content_type_id)
        if part is not None:
            rows[part.accessor].append(part.model(**row_version.field_dict))
    return Snapshot(fields=dict(version.field_dict), rows=rows)


def article_versions(article_id) -> models.QuerySet:
    """The article's stored revisions, newest first."""
    return (
        Version.objects.get_for_object_reference(Article, article_id)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


# Comparing two snapshots


def _concrete_fields():
    return [f for f in Article._meta.concrete_fields if not f.primary_key]


def _plain(value):
    return value.name if isinstance(value, FieldFile) else value


def _display(model_field, value) -> str:
    value = _plain(value)
    if value in (None, ""):
        return "(empty)"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        return _names(model_field.related_model, [value]).get(value, "(deleted since)")
    if isinstance(value, datetime):
        return editor_datetime(value)
    return str(value)


def _merge(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    merged = []
    for op, text in tokens:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """Before and after as one run of ("equal" | "delete" | "insert", text) pieces."""
    old, new = WORD.findall(before), WORD.findall(after)
    pieces = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("equal", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("delete", "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(("insert", "".join(new[j1:j2])))
    return _merge(pieces)


def _side(pieces, dropped: str) -> list[tuple[str, str]]:
    return [(op, text) for op, text in pieces if op != dropped]


def html_lines(html: str) -> list[str]:
    """HTML source as lines, one per block element; indentation is ignored."""
    lines = []
    for line in html.splitlines():
        lines.extend(part.strip() for part in BLOCK_START.split(line))
    return [line for line in lines if line]


def line_diff(before: str, after: str) -> list[dict]:
    """Rows for a side-by-side diff of changed lines, with a little context around them.

    Each row has "before" and "after" (word pieces, or None for no line) and "gap"
    (True for a row that stands for skipped unchanged lines).
    """
    old, new = html_lines(before), html_lines(after)
    rows = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        if rows:
            rows.append({"gap": True})
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                rows.extend(
                    {"before": [("equal", line)], "after": [("equal", line)]}
                    for line in old[i1:i2]
                )
                continue
            olds, news = old[i1:i2], new[j1:j2]
            for index in range(max(len(olds), len(news))):
                a = olds[index] if index < len(olds) else None
                b = news[index] if index < len(news) else None
                pieces = word_diff(a or "", b or "")
                rows.append(
                    {
                        "before": None if a is None else _side(pieces, "insert"),
                        "after": None if b is None else _side(pieces, "delete"),
                        "changed": True,
                    }
                )
    return rows


def list_diff(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    """Items as ("equal" | "delete" | "insert", text), in the after list's order."""
    items = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            items.extend(("equal", text) for text in before[i1:i2])
            continue
        items.extend(("delete", text) for text in before[i1:i2])
        items.extend(("insert", text) for text in after[j1:j2])
    return items


def compare(before: Snapshot, after: Snapshot) -> dict:
    """What changed between two snapshots, for the compare and restore pages.

    Returns {"changes": [...], "unchanged": [labels]}. Each change has a "label" and a
    "kind" saying how to show it: "words" (pieces), "lines" (rows of line_diff()),
    "items" (pieces of list_diff()) or "value" ("before" and "after" strings).
    """
    changes, unchanged = [], []

    def field_label(name):
        return str(Article._meta.get_field(name).verbose_name).capitalize()

    for name in TEXT_FIELDS:
        old, new = before.fields.get(name, ""), after.fields.get(name, "")
        if old == new:
            unchanged.append(field_label(name))
        else:
            changes.append(
                {
                    "label": field_label(name),
                    "kind": "words",
                    "pieces": word_diff(old, new),
                }
            )

    old_body = before.fields.get(BODY_FIELD, "")
    new_body = after.fields.get(BODY_FIELD, "")
    if html_lines(old_body) == html_lines(new_body):
        unchanged.append(field_label(BODY_FIELD))
    else:
        changes.append(
            {
                "label": field_label(BODY_FIELD),
                "kind": "lines",
                "rows": line_diff(old_body, new_body),
            }
        )

    for part in PARTS:
        old_lines = part.describe(before.rows.get(part.accessor, []))
        new_lines = part.describe(after.rows.get(part.accessor, []))
        if old_lines == new_lines:
            unchanged.append(part.label)
        else:
            changes.append(
                {
                    "label": part.label,
                    "kind": "items",
                    "pieces": list_diff(old_lines, new_lines),
                }
            )

    shown = {*TEXT_FIELDS, BODY_FIELD}
    others = [f for f in _concrete_fields() if f.editable and f.name not in shown]
    # Status first: whether readers can see the article matters most.
    others.sort(key=lambda f: f.name != STATUS_FIELD)
    for model_field in others:
        old = _plain(before.fields.get(model_field.attname))
        new = _plain(after.fields.get(model_field.attname))
        if old == new:
            continue
        changes.append(
            {
                "label": field_label(model_field.name),
                "kind": "value",
                "before": _display(model_field, old),
                "after": _display(model_field, new),
            }
        )
    return {"changes": changes, "unchanged": unchanged}


# Restoring


def _missing_targets(instance: models.Model, skip: set[str]) -> list[models.Field]:
    """The instance's foreign keys whose target row no longer exists."""
    missing = []
    for model_field in instance._meta.concrete_fields:
        if not model_field.is_relation or model_field.name in skip:
            continue
        value = getattr(instance, model_field.attname)
        manager = model_field.related_model._base_manager
        if value is not None and not manager.filter(pk=value).exists():
            missing.append(model_field)
    return missing


def restored_snapshot(article: Article, version: Version) -> Snapshot:
    """What revision_restore() makes of the article: version's content, as a draft.

    The fields in KEPT_ON_RESTORE, and any field the revision predates, keep their
    value from now.
    """
    then = snapshot_of_version(version)
    stored = set(json.loads(version.serialized_data)[0]["fields"])
    fields = _field_values(article)
    for model_field in _concrete_fields():
        if model_field.name in stored and model_field.name not in KEPT_ON_RESTORE:
            fields[model_field.attname] = then.fields[model_field.attname]
    fields[STATUS_FIELD] = Status.DRAFT
    return Snapshot(fields=fields, rows=then.rows)


def revision_restore(*, version: Version, user) -> tuple[Article, list[str]]:
    """Make the article what it was in version, as a draft, and keep that as a revision.

    Title, text, image, tags, authors, FAQ entries and links come back (see
    restored_snapshot()). Rows that point at something deleted since are left out (a
    link's target is emptied instead); the returned list names them for the editor.
    The publishing service makes it a draft and keeps the revision. Raises
    RevertError if the article can't be saved as it was, and PublishingRefused if
    user may not restore it.
    """

    def apply(article: Article) -> list[str]:
        left_out = []
        now = _field_values(article)
        restored = restored_snapshot(article, version)
        for attname, value in restored.fields.items():
            # Only what differs: assigning an image re-reads its file.
            if _plain(value) != _plain(now[attname]):
                setattr(article, attname, value)
        for model_field in _missing_targets(article, skip=set()):
            # Deleted since (a section): it stays as it is now.
            setattr(article, model_field.attname, now[model_field.attname])
            left_out.append(f"{model_field.verbose_name.capitalize()}: deleted since")

        for part in PARTS:
            rows = restored.rows[part.accessor]
            getattr(article, part.accessor).exclude(
                pk__in=[row.pk for row in rows]
            ).delete()
            for row in rows:
                missing = _missing_targets(row, skip={"article", "content_type"})
                if any(not f.null for f in missing):
                    left_out.append(f"{part.label}: {row_label(part, row)}")
                    continue
                for model_field in missing:
                    setattr(row, model_field.attname, None)
                row.save()
        return left_out

    article = Article.objects.get(pk=version.object_id)
    try:
        return publishing.restore_revision(
            article, user=user, apply=apply, revision_of=when(version)
        )
    except IntegrityError as error:
        raise RevertError(
            "This revision can't be restored as it was; nothing was changed."
        ) from error


def row_label(part: Part, row) -> str:
    [line] = part.describe([row])
    return line


def when(version: Version) -> str:
    """The revision's date and time, as the admin writes them."""
    return editor_datetime(version.revision.date_created)
