"""An article's notes for its page, read in the article's own query (for_detail())."""

from articles.detail_rows import register_detail_rows
from articles.json_rows import JSONRows, json_datetime
from articles.models import Article
from corrections.models import Note


def note_rows(article) -> JSONRows:
    return JSONRows(
        Note.objects.filter(article=article),
        pk="pk",
        kind="kind",
        text="text",
        created_at="created_at",
    )


def _note(row: dict) -> Note:
    created_at = json_datetime(row["created_at"])
    return Note(pk=row["pk"], kind=row["kind"], text=row["text"], created_at=created_at)


def article_notes(article: Article) -> list[Note]:
    """The article's corrections, clarifications and updates, newest first."""
    notes = article.rows_of("note_rows", _note)
    if notes is None:
        return list(Note.objects.filter(article=article))
    # Note's own order (Meta.ordering).
    return sorted(notes, key=lambda note: (note.created_at, note.pk), reverse=True)


def register() -> None:
    register_detail_rows("note_rows", note_rows)
