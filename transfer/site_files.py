"""The site-wide YAML files of an export (sections, authors, tags, FAQ, redirects,
corrections): read back by import_markdown, one row per outcome, each row its own
transaction, matched by slug (or old address, or text) so a second run creates
nothing twice."""

import functools
from pathlib import Path

import yaml
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Author, Section
from corrections.models import Note
from faq.models import Entry, Topic
from redirects.models import Redirect
from transfer.errors import ItemError, NotAnExport
from transfer.local_files import file_within
from transfer.markdown_files import aware_datetime
from transfer.writer import Outcome, describe_error

# Read in this order: articles come between "faq" and "redirects".
BEFORE_ARTICLES = ("sections", "authors", "tags", "faq")
AFTER_ARTICLES = ("redirects", "corrections")


def load(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise NotAnExport(f"{path.name} can't be read: {error}") from error


def read_file(name: str, folder: Path, *, dry_run: bool) -> list[Outcome]:
    """Bring in DIR/<name>.yaml if the export has it; an outcome per row."""
    path = folder / f"{name}.yaml"
    if not path.is_file():
        return []
    data = load(path)
    if name == "faq":
        rows = [("topic", _topic, row) for row in _rows(data, "topics", path)]
        rows += [("faq entry", _entry, row) for row in _rows(data, "entries", path)]
    else:
        kind = {"sections": "section", "authors": "author", "tags": "tag"}.get(
            name, name.rstrip("s")
        )
        reader = READERS[name]
        if name == "authors":
            reader = functools.partial(_author, dry_run=dry_run)
        rows = [(kind, reader, row) for row in _rows(data, None, path)]
    return [_one(kind, reader, row, path.parent, dry_run) for kind, reader, row in rows]


def _rows(data, key: str | None, path: Path) -> list[dict]:
    rows = data.get(key, []) if key and isinstance(data, dict) else data
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise NotAnExport(f"{path.name} is not a list of rows.")
    return rows


def _one(kind, reader, row: dict, folder: Path, dry_run: bool) -> Outcome:
    label = str(row.get("slug") or row.get("old_path") or row.get("name") or row)[:80]
    try:
        with transaction.atomic():
            action = reader(row, folder)
            if dry_run:
                transaction.set_rollback(True)
        return Outcome(action, kind, label)
    except ItemError as error:
        return Outcome("failed", kind, label, str(error))
    except Exception as error:  # One broken row must not stop the others.
        return Outcome("failed", kind, label, describe_error(error))


def sync(model, lookup: dict, values: dict) -> tuple[str, object]:
    """Create the row lookup finds, or update its values; which, and the row."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        row, action = model(**lookup, **values), "created"
    elif all(getattr(row, name) == value for name, value in values.items()):
        return "unchanged", row
    else:
        action = "updated"
        for name, value in values.items():
            setattr(row, name, value)
    row.full_clean()
    row.save()
    return action, row


def _section(row: dict, folder: Path) -> str:
    return sync(
        Section,
        {"slug": row["slug"]},
        {
            "name": row["name"],
            "description": row.get("description", ""),
            "order": row.get("order", 0),
        },
    )[0]


def _author(row: dict, folder: Path, dry_run: bool = False) -> str:
    action, author = sync(
        Author,
        {"slug": row["slug"]},
        {
            "name": row["name"],
            "bio": row.get("bio", ""),
            "profile_url": row.get("profile_url", ""),
        },
    )
    if row.get("photo") and not author.photo:
        photo = file_within(folder, folder, row["photo"])
        if not photo.is_file():
            raise ItemError(f"The photo {photo} does not exist.")
        if dry_run:  # Saving stores the file, which no rollback takes back.
            return "updated" if action == "unchanged" else action
        with photo.open("rb") as file:
            author.photo = File(file, name=photo.name)
            author.full_clean()
            author.save()
        action = "updated" if action == "unchanged" else action
    return action


def _tag(row: dict, folder: Path) -> str:
    if Tag.objects.filter(name__iexact=row["name"]).exists():
        return "unchanged"
    Tag.objects.create(name=row["name"], slug=row.get("slug") or "")
    return "created"


def _topic(row: dict, folder: Path) -> str:
    return sync(
        Topic,
        {"slug": row["slug"]},
        {"name": row["name"], "order": row.get("order", 0)},
    )[0]


def _entry(row: dict, folder: Path) -> str:
    topic = Topic.objects.filter(slug=row.get("topic")).first()
    if topic is None:
        raise ItemError(f"Its topic “{row.get('topic')}” is not in faq.yaml.")
    return sync(
        Entry,
        {"slug": row["slug"]},
        {
            "question": row["question"],
            "answer": row["answer_html"],
            "topic": topic,
            "order": row.get("order", 0),
            "is_published": bool(row.get("is_published", True)),
        },
    )[0]


def _redirect(row: dict, folder: Path) -> str:
    return sync(Redirect, {"old_path": row["old_path"]}, {"target": row["target"]})[0]


def _correction(row: dict, folder: Path) -> str:
    article = Article.objects.filter(slug=row.get("article")).first()
    if article is None:
        raise ItemError(f"Its article “{row.get('article')}” is not on the site.")
    created_at = aware_datetime(row.get("created_at")) or timezone.now()
    lookup = {"article": article, "kind": row["kind"], "text": row["text"]}
    if Note.objects.filter(**lookup).exists():
        return "unchanged"
    note = Note(**lookup, created_at=created_at)
    note.full_clean()
    note.save()
    return "created"


READERS = {
    "sections": _section,
    "authors": _author,
    "tags": _tag,
    "redirects": _redirect,
    "corrections": _correction,
}
