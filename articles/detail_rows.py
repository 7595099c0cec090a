"""Lists the article page reads in its article's own query, from apps above articles.

for_detail() reads its own lists (bylines, tags, links) as JSON rows
(json_rows.py); corrections and faq register theirs here in their
AppConfig.ready(), so the page costs no query per list and articles imports
neither app. Read them back with Article.rows_of().
"""

from collections.abc import Callable

from django.db.models import OuterRef

from articles.json_rows import JSONRows

_builders: dict[str, Callable[[OuterRef], JSONRows]] = {}


def register_detail_rows(name: str, build: Callable[[OuterRef], JSONRows]) -> None:
    """Read build(article) with each article page's article, as its attribute name.

    build gets the article's pk as an OuterRef and returns JSONRows of its rows.
    """
    _builders[name] = build


def registered_rows(article: OuterRef) -> dict[str, JSONRows]:
    return {name: build(article) for name, build in _builders.items()}
