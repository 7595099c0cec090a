"""The sanitizing policy applied with nh3 (Rust's ammonia), kept ready to replace bleach.

Only the sanitizer tests use it (tests/sanitizers.py), and nh3 is a test-only
dependency until the switch the README describes. nh3 is imported when first used,
so the function can move into articles/sanitize.py as it is.
"""

from articles.sanitize_policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_PROTOCOLS,
    ALLOWED_TAGS,
    finish,
)

# "*" holds the attributes every tag may have: none (nh3 would allow lang and title).
_ATTRIBUTES = {"*": set()} | {
    tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()
}


def sanitize_html(html: str) -> str:
    """Return html reduced to the policy's allow-list; everything else is stripped."""
    import nh3

    clean = nh3.clean(
        html or "",
        tags=set(ALLOWED_TAGS),
        attributes=_ATTRIBUTES,
        url_schemes=set(ALLOWED_PROTOCOLS),
        # The policy keeps the text of every stripped tag, as bleach does.
        clean_content_tags=set(),
        strip_comments=True,
        # finish() adds rel to external links only; nh3 would add it to all.
        link_rel=None,
    )
    return finish(clean)
