"""The one gate between what editors paste and what readers see.

The policy (what sanitized HTML may hold) is data in articles/sanitize_policy.py;
this module applies it with bleach, then the policy's shared finishing step. It is
the only module that imports bleach, which has had no maintainer since June 2026.
tests/articles/sanitize_nh3.py applies the same policy with nh3, and the sanitizer
tests run against both: switching is the one change the README describes.
"""

import bleach

from articles.sanitize_policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_PROTOCOLS,
    ALLOWED_TAGS,
    RESERVED_IDS,
    anchor_headings,
    finish,
)

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_PROTOCOLS",
    "ALLOWED_TAGS",
    "RESERVED_IDS",
    "anchor_headings",
    "sanitize_html",
]

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)
# Bleach's best-quote choice double-escapes "&" in values holding a double quote.
_cleaner.serializer.use_best_quote_char = False


def sanitize_html(html: str) -> str:
    """Return html reduced to the policy's allow-list; everything else is stripped."""
    return finish(_cleaner.clean(html or ""))
