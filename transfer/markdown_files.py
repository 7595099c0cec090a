"""Read Markdown files with YAML front matter into ImportedArticle records.

The front matter keys (all but title optional):

    id, title, slug, kind, status, published_at (or date), summary, meta_description,
    section,
    authors: [name | {name, slug}], tags: [name] (or "a, b"),
    hero: path | {path, alt, caption, credit} (hero_alt beside a plain path),
    faq: [{question, answer (Markdown) | answer_html}], see_also: [{to | url, label, description}],
    old_paths (or Hugo's aliases): [path], body_format: markdown | html

Paths (the hero's, and images the body shows) are relative to the file. The body is Markdown unless
body_format says html.
"""

from datetime import date, datetime, time
from pathlib import Path

import yaml
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from transfer.body_images import local_images
from transfer.errors import ItemError
from transfer.local_files import file_within
from transfer.markup import markdown_to_html
from transfer.records import ImageFile, ImportedArticle

SOURCE = "markdown"
FENCE = "---"


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter, body) of a file that starts with a --- fenced YAML block."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise ItemError("It has no front matter: the file must start with a --- line.")
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in (FENCE, "..."):
            head, body = "".join(lines[1:number]), "".join(lines[number + 1 :])
            break
    else:
        raise ItemError("Its front matter never ends: add a --- line after it.")
    try:
        data = yaml.safe_load(head) or {}
    except yaml.YAMLError as error:
        raise ItemError(f"Its front matter is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ItemError("Its front matter must be a list of key: value lines.")
    return data, body


def read_article(path: Path, root: Path | None = None) -> ImportedArticle:
    """The article a Markdown file describes; ItemError says what is wrong with it.

    root: the folder the import was given (default: the file's); the images it
    names must lie inside it (transfer/local_files.py).
    """
    root = root or Path(path).parent
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ItemError(f"Can't read it: {error}") from error
    data, body = split_front_matter(text)
    title = _text(data.get("title"))
    if not title:
        raise ItemError("Its front matter has no title.")
    slug = _text(data.get("slug")) or slugify(path.stem) or slugify(title)
    is_html = _text(data.get("body_format")).lower() == "html"
    body = body if is_html else markdown_to_html(body)
    return ImportedArticle(
        source=SOURCE,
        source_id=_text(data.get("id")) or slug,
        title=title,
        slug=slug,
        kind=_text(data.get("kind")) or "news",
        body=body,
        status=_text(data.get("status")) or "draft",
        published_at=aware_datetime(data.get("published_at") or data.get("date")),
        summary=_text(data.get("summary")),
        meta_description=_text(data.get("meta_description")),
        section=_text(data.get("section")),
        authors=[_author(value) for value in _list(data.get("authors"))],
        tags=_tags(data.get("tags")),
        hero=_hero(data, path.parent, root),
        faq=[_question(value) for value in _list(data.get("faq"))],
        see_also=[_link(value) for value in _list(data.get("see_also"))],
        old_paths=[
            _text(p) for p in _list(data.get("old_paths") or data.get("aliases"))
        ],
        title_for_report=f"{title} ({path.name})",
        body_images=local_images(body, path.parent, root),
    )


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def aware_datetime(value) -> datetime | None:
    """An aware datetime from YAML's timestamp or a string; naive ones are local."""
    if value in (None, ""):
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time(0))
    if isinstance(value, str):
        parsed = parse_datetime(value.strip().replace(" ", "T", 1))
        if parsed is None:
            raise ItemError(f"published_at “{value}” is not a date and time.")
        value = parsed
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _author(value) -> tuple[str, str]:
    if isinstance(value, dict):
        return _text(value.get("name")), _text(value.get("slug"))
    return _text(value), ""


def _tags(value) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    return [name for name in (_text(v) for v in _list(value)) if name]


def _hero(data: dict, folder: Path, root: Path) -> ImageFile | None:
    value = data.get("hero")
    if not value:
        return None
    if not isinstance(value, dict):
        value = {"path": value, "alt": data.get("hero_alt")}
    if not _text(value.get("path")):
        raise ItemError("Its hero has no path.")
    return ImageFile(
        path=file_within(root, folder, _text(value["path"])),
        alt=_text(value.get("alt")),
        caption=_text(value.get("caption")),
        credit=_text(value.get("credit")),
    )


def _question(value) -> tuple[str, str]:
    """(question, answer HTML): the answer is Markdown, or HTML under answer_html."""
    if not isinstance(value, dict) or not _text(value.get("question")):
        raise ItemError("Each faq item needs a question and an answer.")
    if "answer_html" in value:
        return _text(value["question"]), _text(value["answer_html"])
    return _text(value["question"]), markdown_to_html(_text(value.get("answer")))


def _link(value) -> tuple[str, str, str]:
    if isinstance(value, str):
        return value, "", ""
    if not isinstance(value, dict) or not (value.get("to") or value.get("url")):
        raise ItemError("Each see_also item needs a `to` (article slug) or a url.")
    target = _text(value.get("to") or value.get("url"))
    return target, _text(value.get("label")), _text(value.get("description"))
