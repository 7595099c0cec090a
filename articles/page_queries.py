"""The article page's queries for readers, their SQL built once (prepared.py)."""

from datetime import UTC, datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

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
# The content type's id is a value, not part of the SQL: a test database that is
# flushed makes content types again, under new ids.
RELATED_ARTICLES = PreparedQuery(
    lambda tags, exclude, now, content_type: Article.objects.published(
        at=now
    ).sharing_tags(tags, exclude=exclude, content_type=content_type)[:3],
    tags=IdList(-1_000_000),
    exclude=IdList(-2_000_000),
    now=_NOW,
    content_type=-3_000_000,
)


def related_articles(article: Article, exclude: list[int]) -> list[Article]:
    """published().related_to(article, exclude)[:3] for an article for_detail() read."""
    tags = [tag.pk for tag in article.tag_list]
    if not tags:
        return []
    return RELATED_ARTICLES.all(
        tags=tags,
        exclude=[article.pk, *exclude],
        now=timezone.now(),
        content_type=ContentType.objects.get_for_model(Article).pk,
    )
