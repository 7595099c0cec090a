"""The article page's queries for readers, their SQL built once (prepared.py)."""

from datetime import UTC, datetime

from articles.models import Article
from articles.prepared import IdList, PreparedQuery

# A time no article is published at: where the request's time goes.
_NOW = datetime(1, 1, 1, 0, 0, 1, 234567, tzinfo=UTC)

# The article a reader opens, with everything for_detail() reads.
READER_ARTICLE = PreparedQuery(
    lambda slug, now: Article.objects.published(at=now).for_detail().filter(slug=slug),
    slug="prepared-query-marker",
    now=_NOW,
)

# Its related articles: SQL built once per number of tags and of excluded articles.
RELATED_ARTICLES = PreparedQuery(
    lambda tags, exclude, now: Article.objects.published(at=now).sharing_tags(
        tags, exclude=exclude
    )[:3],
    tags=IdList(-1_000_000),
    exclude=IdList(-2_000_000),
    now=_NOW,
)
