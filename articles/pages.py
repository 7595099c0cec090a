"""When the pages about one object answer readers, for redirects/reserved.py."""

from taggit.models import Tag

from articles.models import Article, Author, Section
from redirects.reserved import register_page_check


def article_is_live(slug: str) -> bool:
    return Article.objects.published().filter(slug=slug).exists()


def section_exists(slug: str) -> bool:
    return Section.objects.filter(slug=slug).exists()


def tag_exists(slug: str) -> bool:
    return Tag.objects.filter(slug=slug).exists()


def author_exists(slug: str) -> bool:
    return Author.objects.filter(slug=slug).exists()


def register_page_checks() -> None:
    """Each page answers exactly when its view finds the object.

    syndication/pages.py registers the same checks for these pages' feeds.
    """
    register_page_check("articles:detail", article_is_live)
    for page, exists in (
        ("section", section_exists),
        ("tag", tag_exists),
        ("author", author_exists),
    ):
        register_page_check(f"articles:{page}", exists)
