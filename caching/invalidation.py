"""Clearing exactly the cached pages a change touches, here and in the front cache."""

from collections.abc import Iterable

from django.core.cache import cache

from articles.models import Article
from caching.pages import key_of, public_page
from caching.purge import purge_twice
from caching.registry import registry

# ContentChange.lists -> the tags of the listing pages it names; "section",
# "tags" and "authors" name the pages of the change's own ids.
LIST_TAGS = {
    "home": "list-home",
    "news": "list-news",
    "feeds": "list-feeds",
    "sitemaps": "list-sitemaps",
}


def invalidate(tags: Iterable[str], unfiled: Iterable[str] = ()) -> set[str]:
    """Drop every page filed under any of tags, in the app and the front cache.

    unfiled names pages only the front cache may hold: missing pages (404), kept
    there briefly and filed nowhere (caching/policy.py).
    """
    pages_registry = registry()
    # First: a page being rendered now, from the data before this change, must
    # not be kept either (caching/middleware.py).
    pages_registry.bump_generation()
    pages = pages_registry.pop(set(tags))
    cache.delete_many([key_of(page) for page in pages])
    purge_twice(pages | set(unfiled))
    return pages


def own_pages(article_ids: Iterable[int]) -> set[str]:
    """The articles' own addresses: before publication a reader may have got a 404
    there, which the front cache keeps for a moment, filed under no tag."""
    articles = Article.objects.filter(pk__in=article_ids).only("slug")
    return {public_page(article.get_absolute_url()) for article in articles}


def change_tags(change) -> set[str]:
    """The tags of the pages a publishing ContentChange touches."""
    tags = {f"article-{pk}" for pk in change.article_ids}
    if change.lists:
        tags |= listing_tags(change.section_ids, change.author_ids, change.tag_slugs)
        tags |= {LIST_TAGS[name] for name in change.lists if name in LIST_TAGS}
    return tags


def listing_tags(section_ids, author_ids, tag_slugs) -> set[str]:
    return {
        *(f"section-{pk}" for pk in section_ids),
        *(f"author-{pk}" for pk in author_ids),
        *(f"tag-{slug}" for slug in tag_slugs),
    }


def article_footprint_tags(article: Article) -> set[str]:
    """Every page article shows on, or will once its time comes (scheduled)."""
    return {
        f"article-{article.pk}",
        *LIST_TAGS.values(),
        *listing_tags(
            [article.section_id],
            article.bylines.values_list("author_id", flat=True),
            article.tags.values_list("slug", flat=True),
        ),
    }
