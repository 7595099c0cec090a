"""Search results as the search page shows them, one page at a time."""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.safestring import SafeString

from search import backends, highlight, registry

# Pages past this are never fetched; /search/?q=x&page=99999 is a 404 anyway.
MAX_PAGE = 10_000


def page_number(page: str | int | None) -> int:
    """page as Paginator reads it, or 1 when it can't ("abc", "²", "last").

    Paginator then decides: "last" is the last page, anything else a 404.
    """
    try:
        return int(page)
    except (TypeError, ValueError):
        # str.isdigit() accepts "²", which int() refuses: ask int() itself.
        return 1


@dataclass(frozen=True)
class Result:
    """One result: where it links, its title and an excerpt with <mark>ed matches.

    kind and object are the registered kind (search.registry) and its object.
    """

    url: str
    title: SafeString
    excerpt: SafeString
    kind: str
    object: models.Model


def normalize_query(text: str) -> str:
    """A reader's query on one line: no control characters (PostgreSQL refuses NUL)."""
    return " ".join(
        re.sub(r"[\x00-\x1f\x7f]", " ", highlight.strip_markers(text)).split()
    )


def excerpt(hit: backends.Hit) -> str:
    """The summary's excerpt if it matched, else the body's, else whichever has text."""
    texts = [hit.summary, hit.body]
    return next((t for t in texts if highlight.has_match(t)), None) or next(
        (t for t in texts if t), ""
    )


class SearchResults:
    """The hits for one query, as Paginator needs them: count() and slices.

    page and per_page say which page the request asks for. count() fetches that page
    with the total in one query, and the slice Paginator then takes reuses it: a page
    costs one search query, plus one for each kind of object on it (articles, FAQ
    entries), however many results there are.
    """

    def __init__(self, query: str, *, page: str | int | None = 1, per_page: int = 20):
        self.query = query
        number = page_number(page)
        # Beyond any real page: count from page 1, and Paginator answers 404.
        start = (number - 1) * per_page if 0 < number <= MAX_PAGE else 0
        self._window = (start, start + per_page)
        self._page: backends.Page | None = None

    def count(self) -> int:
        return self._fetch(*self._window).total

    @property
    def capped(self) -> bool:
        """More documents matched than search ranks (backends.MAX_MATCHES)."""
        return self._fetch(*self._window).capped

    def __getitem__(self, window: slice) -> list[Result]:
        if not isinstance(window, slice) or window.step:
            raise TypeError("SearchResults only supports slices without a step.")
        start, stop = window.start or 0, window.stop
        fetched_start, fetched_stop = self._window
        if not (fetched_start <= start and stop <= fetched_stop):
            fetched_start, fetched_stop = start, stop
        # Paginator ends the last page's slice at count(): still the fetched page.
        hits = self._fetch(fetched_start, fetched_stop).hits
        return self._results(hits[start - fetched_start : stop - fetched_start])

    def _fetch(self, start: int, stop: int) -> backends.Page:
        if self._page is None or (start, stop) != self._window:
            self._window = (start, stop)
            self._page = backends.search(self.query, limit=stop - start, offset=start)
        return self._page

    def _results(self, hits: list[backends.Hit]) -> list[Result]:
        ids: dict[str, list[int]] = {}
        for hit in hits:
            ids.setdefault(hit.kind, []).append(hit.object_id)
        # published() again: an object unpublished since the search isn't shown.
        objects = {
            kind: registry.get(kind).results().in_bulk(kind_ids)
            for kind, kind_ids in ids.items()
        }
        results = []
        for hit in hits:
            obj = objects[hit.kind].get(hit.object_id)
            if obj is not None:
                results.append(
                    Result(
                        obj.get_absolute_url(),
                        highlight.to_html(hit.title),
                        highlight.to_html(excerpt(hit)),
                        kind=hit.kind,
                        object=obj,
                    )
                )
        return results
