"""Full-text search over search.Document: the only module with database-specific SQL.

search() returns one page of hits, best first, and how many match in all, in one
query (the total is a window count over the ranked matches); count() only counts.
Both keep only documents whose object its kind's published() returns at query time
(search.registry), so drafts and scheduled articles never reach readers.

Only the newest MAX_MATCHES matching documents (by id: indexing order) are ranked
and counted, so a word that every article holds costs the same in a large archive
as in a small one; Page.capped says when more matched.

- PostgreSQL: websearch_to_tsquery('english', query) against the weighted tsvector
  column (title A, summary B, body C) with its GIN index; ranked by ts_rank;
  ts_headline marks the matches.
- SQLite: FTS5 MATCH with a query built by fts5_query(); ranked by bm25() with column
  weights 10 (title), 4 (summary), 1 (body); highlight() and snippet() mark matches.

Both stem English words ("running" finds "run"). PostgreSQL also drops stop words
("the", "of"); SQLite keeps them, so there they must match too.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import F

from search import registry
from search.highlight import END, START

# Words around a match in a summary or body excerpt (tokens on SQLite).
SNIPPET_WORDS = 30
# Matching documents ranked at most, newest first: 50 pages of results.
MAX_MATCHES = 1000


@dataclass(frozen=True)
class Hit:
    """One matching document. Texts carry START/END markers: see search.highlight."""

    kind: str
    object_id: int
    rank: float
    title: str
    summary: str
    body: str


@dataclass(frozen=True)
class Page:
    """Up to limit hits, best first, and how many published documents match in all.

    capped: more than MAX_MATCHES documents matched; total counts the newest only.
    """

    hits: list[Hit]
    total: int
    capped: bool = False


def search(query: str, *, limit: int, offset: int = 0) -> Page:
    """One page of the published documents matching query, and their total: one query."""
    return _backend().search(query, limit=limit, offset=offset)


def count(query: str) -> int:
    """How many published documents match query."""
    return _backend().count(query)


def _backend():
    backends = {"postgresql": PostgreSQLSearch, "sqlite": SQLiteSearch}
    if connection.vendor not in backends:
        raise NotImplementedError(f"Search supports {', '.join(backends)} only.")
    return backends[connection.vendor]


def _published_filter() -> tuple[str, list]:
    """SQL keeping documents (alias d) of published objects; published() decides.

    EXISTS, probed by primary key for each match, rather than IN: SQLite would
    list every published object on each search.
    """
    parts, params = [], []
    for indexable in registry.indexables():
        pks = indexable.published().order_by().values(published_pk=F("pk"))
        pks_sql, pks_params = pks.query.sql_with_params()
        parts.append(
            f"(d.kind = %s AND EXISTS (SELECT 1 FROM ({pks_sql}) published"
            " WHERE published.published_pk = d.object_id))"
        )
        params += [indexable.kind, *pks_params]
    return f"({' OR '.join(parts) or '1 = 0'})", params


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class PostgreSQLSearch:
    HEADLINE = f'StartSel="{START}", StopSel="{END}"'
    WHOLE = f"{HEADLINE}, HighlightAll=true"
    EXCERPT = f"{HEADLINE}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"

    @classmethod
    def search(cls, query: str, *, limit: int, offset: int) -> Page:
        published, published_params = _published_filter()
        # "matches" takes the newest MAX_MATCHES matches (the query spelled out, not
        # q.query, so the planner sees how common its words are: a common word
        # walks the newest documents, a rare one the GIN index); the page query ranks,
        # counts and cuts them; ts_headline, which reads the whole text, then runs
        # for that page's rows only.
        sql = f"""
            WITH q AS (SELECT websearch_to_tsquery('english', %s) AS query),
            matches AS (
                SELECT d.id FROM search_document d
                WHERE d.search_vector @@ websearch_to_tsquery('english', %s)
                ORDER BY d.id DESC LIMIT %s
            )
            SELECT page.total, page.matched, d.kind, d.object_id, page.rank,
                ts_headline('english', d.title, q.query, %s),
                ts_headline('english', d.summary, q.query, %s),
                ts_headline('english', d.body, q.query, %s)
            FROM (
                SELECT d.id, ts_rank(d.search_vector, q.query) AS rank,
                    count(*) OVER () AS total,
                    (SELECT count(*) FROM matches) AS matched
                FROM matches JOIN search_document d ON d.id = matches.id, q
                WHERE {published}
                ORDER BY rank DESC, d.id DESC
                LIMIT %s OFFSET %s
            ) page
            JOIN search_document d ON d.id = page.id
            CROSS JOIN q
            ORDER BY page.rank DESC, d.id DESC
        """
        params = [query, query, MAX_MATCHES, cls.WHOLE, cls.EXCERPT, cls.EXCERPT]
        params += [*published_params, limit, offset]
        return _page(query, offset, _fetch(sql, params))

    @classmethod
    def count(cls, query: str) -> int:
        published, published_params = _published_filter()
        sql = f"""
            SELECT COUNT(*) FROM (
                SELECT d.id FROM search_document d
                WHERE d.search_vector @@ websearch_to_tsquery('english', %s)
                ORDER BY d.id DESC LIMIT %s
            ) matches JOIN search_document d ON d.id = matches.id
            WHERE {published}
        """
        return _fetch(sql, [query, MAX_MATCHES, *published_params])[0][0]


class SQLiteSearch:
    @classmethod
    def search(cls, query: str, *, limit: int, offset: int) -> Page:
        match = fts5_query(query)
        if not match:
            return Page([], 0)
        published, published_params = _published_filter()
        # "matches" takes the newest MAX_MATCHES matches (FTS5 walks its index by
        # rowid and stops), with bm25(), which must sit in a query with MATCH; the
        # page is then ranked, counted and cut; highlight() and snippet() run for
        # its rows only. bm25() is lower for better matches: negated into Hit.rank.
        sql = f"""
            WITH matches AS (
                SELECT rowid AS id, -bm25(search_document_fts, 10.0, 4.0, 1.0) AS rank
                FROM search_document_fts
                WHERE search_document_fts MATCH %s
                ORDER BY rowid DESC LIMIT %s
            ), page AS (
                SELECT d.id, matches.rank, count(*) OVER () AS total,
                    (SELECT count(*) FROM matches) AS matched
                FROM matches JOIN search_document d ON d.id = matches.id
                WHERE {published}
                ORDER BY matches.rank DESC, d.id DESC
                LIMIT %s OFFSET %s
            )
            SELECT page.total, page.matched, d.kind, d.object_id, page.rank,
                highlight(search_document_fts, 0, %s, %s),
                snippet(search_document_fts, 1, %s, %s, '…', %s),
                snippet(search_document_fts, 2, %s, %s, '…', %s)
            FROM page
            JOIN search_document_fts ON search_document_fts.rowid = page.id
            JOIN search_document d ON d.id = page.id
            WHERE search_document_fts MATCH %s
            ORDER BY page.rank DESC, d.id DESC
        """
        markers = [START, END]
        params = [match, MAX_MATCHES, *published_params, limit, offset, *markers]
        params += [*markers, SNIPPET_WORDS, *markers, SNIPPET_WORDS, match]
        return _page(query, offset, _fetch(sql, params))

    @classmethod
    def count(cls, query: str) -> int:
        match = fts5_query(query)
        if not match:
            return 0
        published, published_params = _published_filter()
        sql = f"""
            SELECT COUNT(*) FROM (
                SELECT rowid AS id FROM search_document_fts
                WHERE search_document_fts MATCH %s
                ORDER BY rowid DESC LIMIT %s
            ) matches JOIN search_document d ON d.id = matches.id
            WHERE {published}
        """
        return _fetch(sql, [match, MAX_MATCHES, *published_params])[0][0]


def _page(query: str, offset: int, rows: list[tuple]) -> Page:
    """A Page from rows of (total, matched, *Hit fields); counts apart only past the end."""
    if rows:
        total, capped = rows[0][0], rows[0][1] >= MAX_MATCHES
    else:
        total, capped = (count(query) if offset else 0), False
    return Page([Hit(*row[2:]) for row in rows], total, capped)


# A "quoted phrase", or a run of anything but spaces and quotes; "-" before either
# excludes it.
_TERM = re.compile(r'(-?)(?:"([^"]*)"?|([^\s"]+))')


def fts5_query(query: str) -> str:
    """An FTS5 query for what a reader typed, read as websearch_to_tsquery() reads it.

    Words must all match; "quoted words" match as a phrase; OR between two terms
    accepts either; -word excludes. Every term goes to FTS5 as a quoted string (its
    double quotes doubled), so no input is read as FTS5 syntax. Returns "" when
    nothing searchable is left (punctuation only, or only exclusions).
    """
    groups: list[list[str]] = []  # Terms in a group are alternatives (OR).
    excluded: list[str] = []
    join_next = False
    for negate, phrase, word in _TERM.findall(query):
        text = phrase if phrase else word
        if not phrase and not negate and text.lower() == "or":
            join_next = bool(groups)
            continue
        if not re.search(r"\w", text):
            continue
        term = '"' + text.replace('"', '""') + '"'
        if negate:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        return ""
    match = " AND ".join(
        group[0] if len(group) == 1 else f"({' OR '.join(group)})" for group in groups
    )
    return " NOT ".join([f"({match})", *excluded]) if excluded else match
