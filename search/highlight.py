"""Matched words in search results: from the database's markers to safe HTML.

The database wraps each match in two private-use characters (START and END), which
search.index removes from every text it stores, so only the database can put them
there. to_html() escapes the text around and inside the markers and wraps each match
in <mark>: no text from the index is ever trusted as HTML.
"""

import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

START = "\ue000"
END = "\ue001"
_MATCH = re.compile(f"{START}(.*?){END}", re.DOTALL)


def strip_markers(text: str) -> str:
    """text without START and END, so stored text can't fake a match."""
    return text.replace(START, "").replace(END, "")


def has_match(text: str) -> bool:
    return START in text


def to_html(text: str) -> SafeString:
    """Escape text and wrap each START…END match in <mark>."""
    # re.split with one group alternates: plain, match, plain, ..., plain.
    pieces = [strip_markers(piece) for piece in _MATCH.split(text)]
    marks = [format_html("<mark>{}</mark>", match) for match in pieces[1::2]]
    return format_html_join("", "{}{}", zip(pieces[0::2], [*marks, ""], strict=True))
