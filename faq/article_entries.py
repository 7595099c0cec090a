"""An article's FAQ entries for its page, read in the article's own query
(for_detail())."""

from articles.detail_rows import register_detail_rows
from articles.json_rows import JSONRows
from articles.models import Article
from faq.models import Entry


def entry_rows(article) -> JSONRows:
    return JSONRows(
        Entry.objects.published().for_article(article),
        pk="pk",
        question="question",
        slug="slug",
        answer_html="answer_html",
        position="article_links__position",
        link="article_links__pk",
    )


def _entry(row: dict) -> Entry:
    return Entry(
        pk=row["pk"],
        question=row["question"],
        slug=row["slug"],
        answer_html=row["answer_html"],
        is_published=True,
    )


def article_entries(article: Article) -> list[Entry]:
    """The article's published FAQ entries, in the order the editor chose."""
    entries = article.rows_of("faq_rows", _entry, "position", "link")
    if entries is None:
        return list(Entry.objects.published().for_article(article))
    return entries


def register() -> None:
    register_detail_rows("faq_rows", entry_rows)
