"""Read a search page as a reader sees it: result titles and links, in order."""

import html
import re

RESULT_LINK = re.compile(
    r'<h2 class="search-result__title"><a href="([^"]*)">(.*?)</a></h2>', re.DOTALL
)


def results(response) -> list[tuple[str, str]]:
    """(address, title as text) of each result on the page, in order."""
    content = response.content.decode()
    return [
        (html.unescape(href), html.unescape(re.sub(r"</?mark>", "", title)))
        for href, title in RESULT_LINK.findall(content)
    ]


def titles(response) -> list[str]:
    return [title for _, title in results(response)]
