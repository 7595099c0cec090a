"""reverse(), remembered: the paths of our pages by name, for pages that show dozens.

An article page links to its sections, authors, tags, related articles and the
site's fixed pages: some thirty reverse() calls, a tenth of its time. A path
depends only on the name, the slug, the URLconf and the script prefix
(SCRIPT_NAME), so for each name, prefix and URLconf we reverse once, around a
marker slug, and later join the pieces. Anything we can't vouch for (a slug
outside the slug pattern) goes to reverse() itself.
"""

import re
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS

# The <slug> and <uslug> converters' pattern (articles/converters.py): a slug
# matching it reverses to the same path in either.
_SLUG = re.compile(r"[-\w]+")
_MARKER = "pathsmarker"
# What reverse() leaves unquoted (django.urls.resolvers).
_SAFE = RFC3986_SUBDELIMS + "/~:@"


def path(name: str, slug: str | None = None) -> str:
    """reverse(name) or reverse(name, args=[slug]), remembered.

    For names whose pattern takes no argument, or one <uslug> (all of our pages').
    """
    if slug is not None and not _SLUG.fullmatch(slug):
        return reverse(name, args=[slug])
    key = (
        name,
        slug is None,
        get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
    )
    before, after = _pieces(*key)
    return before if slug is None else before + quote(slug, safe=_SAFE) + after


@lru_cache(maxsize=256)
def _pieces(name: str, fixed: bool, prefix: str, urlconf: str) -> tuple[str, str]:
    if fixed:
        return reverse(name, urlconf=urlconf), ""
    before, after = reverse(name, args=[_MARKER], urlconf=urlconf).split(_MARKER)
    return before, after
