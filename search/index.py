"""Keep the search index in step with content.

search.registry connects post_save and post_delete for every registered model to
update_document() and remove_document(), so the admin, the shell, QuerySet.delete()
and tests all keep it current. The content apps don't import search: it registers
them in SearchConfig.ready().

What sends no signal bypasses the index too:
- QuerySet.update() leaves a document's text as it was until the next save(). Status
  and dates are not indexed (published() decides at query time), so changing them
  needs nothing here.
- bulk_create() and loaddata index nothing: run `manage.py rebuild_search_index`
  after them, or index in bulk with document() and replace_all() as
  bench/search_benchmark.py does. Every search keeps only ids that published()
  returns, so a stale document never reaches readers.
"""

import re
from collections.abc import Iterable

from newsroom.text import plain_text
from search.highlight import strip_markers
from search.models import Document, DocumentKind

ARTICLE = DocumentKind.ARTICLE
FAQ = DocumentKind.FAQ


def clean_text(text: str) -> str:
    """text on one line, without the highlight markers only the database may add."""
    return re.sub(r"\s+", " ", strip_markers(text)).strip()


def document(
    kind: str, object_id: int, *, title: str, summary: str = "", body_html: str = ""
) -> Document:
    """An unsaved Document for one object: plain text, ready to store."""
    return Document(
        kind=kind,
        object_id=object_id,
        title=clean_text(title),
        summary=clean_text(summary),
        body=clean_text(plain_text(body_html)),
    )


def update_document(
    kind: str, object_id: int, *, title: str, summary: str = "", body_html: str = ""
) -> None:
    """Index one object, replacing what was indexed for it (one upsert query)."""
    save_documents(
        [document(kind, object_id, title=title, summary=summary, body_html=body_html)]
    )


def remove_document(kind: str, object_id: int) -> None:
    """Drop one object from the index; nothing happens if it wasn't there."""
    Document.objects.filter(kind=kind, object_id=object_id).delete()


def save_documents(documents: Iterable[Document], batch_size: int = 500) -> None:
    """Insert documents, or replace those already indexed for the same object."""
    Document.objects.bulk_create(
        documents,
        batch_size=batch_size,
        update_conflicts=True,
        unique_fields=("kind", "object_id"),
        update_fields=("title", "summary", "body", "indexed_at"),
    )


def replace_all(documents: Iterable[Document]) -> int:
    """Make documents the whole index (call inside a transaction); return the count."""
    documents = list(documents)
    Document.objects.all().delete()
    save_documents(documents)
    return len(documents)
