"""When the feeds about one object answer readers, for redirects/reserved.py."""

from articles.pages import author_exists, section_exists, tag_exists
from redirects.reserved import register_page_check


def register_page_checks() -> None:
    """Each subject's feeds answer exactly when the feed finds its section, tag or author."""
    for subject, exists in (
        ("section", section_exists),
        ("tag", tag_exists),
        ("author", author_exists),
    ):
        for fmt in ("rss", "atom"):
            register_page_check(f"syndication:{subject}_{fmt}", exists)
