"""Lists the article page reads in its article's own query, from apps above articles.

for_detail() reads its own lists (bylines, tags, links) as JSON rows
(json_rows.py); other lists register here, from their app's AppConfig.ready(),
so the page costs no query per list and articles imports none of those apps.
Read them back with Article.rows_of(). A list may also give the page's
template context a value (the site settings, the navigation): the article page
then takes it from there rather than from the context processor's query.
"""

from collections.abc import Callable

from django.db.models import OuterRef

from articles.json_rows import JSONRows

_builders: dict[str, Callable[[OuterRef], JSONRows]] = {}
_contexts: list[Callable] = []


def register_detail_rows(
    name: str, build: Callable[[OuterRef], JSONRows], context: Callable | None = None
) -> None:
    """Read build(article) with each article page's article, as its attribute name.

    build gets the article's pk as an OuterRef and returns JSONRows of its rows.
    context(article), if given, returns variables for the article page's template.
    """
    _builders[name] = build
    if context is not None:
        _contexts.append(context)


def registered_rows(article: OuterRef) -> dict[str, JSONRows]:
    return {name: build(article) for name, build in _builders.items()}


def page_context(article) -> dict:
    """The template variables the registered lists give the article's page."""
    context = {}
    for variables in _contexts:
        context.update(variables(article))
    return context
