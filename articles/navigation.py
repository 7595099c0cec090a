"""The header's sections, read with the article on its page (detail_rows.py);
other pages read them through context_processors.navigation()."""

from django.db.models import Window
from django.db.models.functions import RowNumber

from articles.detail_rows import register_detail_rows
from articles.json_rows import JSONRows
from articles.models import Section


def nav_rows(article) -> JSONRows:
    # Every section, whichever the article: ranked in Section's own order, as the
    # database sorts names (its collation), not as Python would.
    rank = Window(RowNumber(), order_by=list(Section._meta.ordering))
    return JSONRows(Section.objects.all(), pk="pk", name="name", slug="slug", rank=rank)


def _section(row: dict) -> Section:
    return Section(pk=row["pk"], name=row["name"], slug=row["slug"])


def nav_context(article) -> dict:
    sections = article.rows_of("nav_rows", _section, "rank")
    return {} if sections is None else {"nav_sections": sections}


def register() -> None:
    register_detail_rows("nav_rows", nav_rows, context=nav_context)
