"""Pagination whose cost does not grow with the list: no COUNT of the whole list.

Django's Paginator counts every row the list holds on each request, to say "page 3
of 5,000". Reader lists only need "is there an older page?": a page fetches
per_page + 1 rows, and the extra row answers that. ?page=N keeps working (an
OFFSET, as before); a page past the end is a 404. Only ?page=last still counts,
as nothing links to it.
"""

from functools import cached_property

from django.core.paginator import EmptyPage, Page, PageNotAnInteger


class NewerOlderPage(Page):
    """A page that knows whether another follows without knowing how many do."""

    def __init__(self, object_list, number, paginator, *, has_more: bool):
        super().__init__(object_list, number, paginator)
        self.has_more = has_more

    def has_next(self) -> bool:
        return self.has_more

    def has_previous(self) -> bool:
        return self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + 1 if self else 0

    def end_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + len(self)


class NewerOlderPaginator:
    """A paginator for ListView that fetches one page (+1 row) and counts nothing.

    Takes Paginator's arguments; orphans are not supported (the last page may hold
    a single item) since they need the total.
    """

    # includes/pagination.html shows "Page 3", not "Page 3 of 5", when this is set.
    total_unknown = True

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True):
        self.object_list = object_list
        self.per_page = int(per_page)
        self.allow_empty_first_page = allow_empty_first_page

    def validate_number(self, number) -> int:
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        return number

    def get_page(self, number) -> NewerOlderPage:
        try:
            return self.page(number)
        except (PageNotAnInteger, EmptyPage):
            return self.page(1)

    def page(self, number) -> NewerOlderPage:
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = list(self.object_list[start : start + self.per_page + 1])
        if not rows and (number > 1 or not self.allow_empty_first_page):
            raise EmptyPage("That page contains no results")
        return NewerOlderPage(
            rows[: self.per_page],
            number,
            self,
            has_more=len(rows) > self.per_page,
        )

    @cached_property
    def count(self) -> int:
        """The whole list's length: one COUNT, asked only by ?page=last."""
        return self.object_list.count()

    @property
    def num_pages(self) -> int:
        if not self.count:
            return 1
        return -(-self.count // self.per_page)
