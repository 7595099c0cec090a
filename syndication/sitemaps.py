"""The sitemaps search engines read: one per kind of page, and the Google News one.

Every <loc> starts from settings.SITE_URL, never from the request's Host header
(Django's sitemaps would use the Host, as we don't run contrib.sites). Only what
Article.objects.published() returns is listed, so drafts and scheduled pieces stay
out until their time comes. syndication/urls.py wires SITEMAPS and NewsSitemap to
Django's sitemap views; syndication/views.py serves the index and robots.txt.

Articles, tags and authors come in files of at most `limit` URLs, one range of
primary keys each (KeyRangePaginator), so neither the index nor a file reads the
whole archive, whatever its size.
"""

from datetime import timedelta
from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db.models import Exists, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Author, Section
from newsroom.text import xml_safe
from siteconfig.models import SiteSettings
from syndication.seo import absolute_url

# When an article's page last changed: an editor's save (updated_at), going live
# (a scheduled piece is saved before its time) or a correction or update note
# (which sets revised_at and leaves updated_at alone).
LAST_CHANGED = Greatest(
    "updated_at", "published_at", Coalesce("revised_at", "published_at")
)
# Google News takes articles from the last two days.
NEWS_WINDOW = timedelta(hours=48)


# Rows read from the end of a date's index to find the latest published article.
LOOKBACK = 50


def latest_published(column: str):
    """The latest value of a date column among published articles.

    Walks the column's index from the end, a few rows, and keeps the first
    published one: the planners would rather sort every published article by it.
    """
    rows = list(
        Article.objects.filter(**{f"{column}__isnull": False})
        .order_by(f"-{column}")
        .only(column, "status", "published_at")[:LOOKBACK]
    )
    found = next((row for row in rows if row.is_published), None)
    if found or len(rows) < LOOKBACK:
        return getattr(found, column, None)
    # LOOKBACK drafts changed since the last published change: rare, so ask it all.
    return Article.objects.published().aggregate(latest=Max(column))["latest"]


class SiteURLSitemap(Sitemap):
    """A sitemap whose <loc>s start with settings.SITE_URL, whatever Host was asked."""

    def get_protocol(self, protocol=None):
        return settings.SITE_URL.split("://", 1)[0]

    def get_domain(self, site=None):
        # Everything after the scheme: the host, and a path prefix if SITE_URL has one.
        return settings.SITE_URL.split("://", 1)[1]


class KeyRangePaginator:
    """Sitemap files by primary key: file n holds items with pk in (n-1)*size+1..n*size.

    The index lists the files from the largest pk alone (one index lookup), so it
    costs the same at any size; each file is bounded by size and reads one key range.
    New rows join the last file and earlier files keep their URLs. A range without
    rows to list (deleted, drafts) is an empty file.
    """

    def __init__(self, queryset, size: int):
        self.queryset, self.size = queryset, size

    @cached_property
    def num_pages(self) -> int:
        last = self.queryset.model.objects.aggregate(last=Max("pk"))["last"]
        return max(1, -(-(last or 0) // self.size))

    def page(self, number) -> Page:
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if not 1 <= number <= self.num_pages:
            raise EmptyPage("That page is not in the sitemap index")
        first = (number - 1) * self.size + 1
        rows = self.queryset.filter(pk__range=(first, number * self.size))
        return Page(list(rows.order_by("pk")), number, self)


class KeyRangeSitemap(SiteURLSitemap):
    """A sitemap whose files are KeyRangePaginator's, of `limit` URLs at most."""

    limit = 1000

    @property
    def paginator(self):
        return KeyRangePaginator(self.items(), self.limit)


class ArticleSitemap(KeyRangeSitemap):
    """Every published article, with its hero image for Google Images."""

    def items(self):
        return (
            Article.objects.published()
            .select_related("hero")
            .only("slug", "hero")
            .annotate(last_changed_at=LAST_CHANGED)
        )

    def lastmod(self, article):
        return article.last_changed_at

    def get_latest_lastmod(self):
        """For the index: the latest change to any published article.

        The greatest LAST_CHANGED is the greatest of its columns' own maxima, each
        read from the end of that column's index rather than computed for every
        article.
        """
        latest = [
            latest_published(column)
            for column in ("updated_at", "published_at", "revised_at")
        ]
        return max((date for date in latest if date), default=None)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            hero = url["item"].hero
            url["images"] = [absolute_url(hero.largest["url"])] if hero else []
        return urls


def has_published_article(**lookup) -> Exists:
    """True for rows with a published article matching lookup (OuterRef("pk") in it)."""
    return Exists(Article.objects.published().filter(**lookup))


class SectionSitemap(SiteURLSitemap):
    """Sections with a published article; lastmod is when the newest one went live."""

    # A section without published articles is an empty page: not worth a crawl.
    def items(self):
        newest = (
            Article.objects.published()
            .filter(section=OuterRef("pk"))
            .newest_first()
            .values("published_at")[:1]
        )
        # One index probe per section (article_list_section), not a GROUP BY.
        return (
            Section.objects.filter(has_published_article(section=OuterRef("pk")))
            .only("slug")
            .annotate(last_published_at=Subquery(newest))
            .order_by("slug")
        )

    def lastmod(self, section):
        return section.last_published_at

    def get_latest_lastmod(self):
        return (
            Article.objects.published()
            .newest_first()
            .values_list("published_at", flat=True)
            .first()
        )


# Tags and authors carry no lastmod: each would need the newest of its articles,
# which for thousands of tags is a pass over every article on each request.


class TagSitemap(KeyRangeSitemap):
    """Tags on a published article (FAQ-only and draft-only tags have no page)."""

    def items(self):
        return Tag.objects.filter(
            has_published_article(tagged_items__tag=OuterRef("pk"))
        ).only("slug")

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])


class AuthorSitemap(KeyRangeSitemap):
    """Authors with a published article."""

    def items(self):
        return Author.objects.filter(
            has_published_article(bylines__author=OuterRef("pk"))
        ).only("slug")


# The fixed public pages, by URL name. Listed here rather than registered by each
# app: syndication sits above the apps it covers, and four names read at a glance.
STATIC_PAGES = ("articles:index", "articles:news", "faq:index", "corrections:index")


class StaticSitemap(SiteURLSitemap):
    """The fixed public pages of STATIC_PAGES."""

    def items(self):
        return list(STATIC_PAGES)

    def location(self, name):
        return reverse(name)


class NewsSitemap(SiteURLSitemap):
    """Articles published in the last two days, for Google News."""

    # Google reads at most 1,000 URLs from a news sitemap; the newest are kept.
    limit = 1000

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .only("slug", "title", "published_at")
            .order_by("-published_at", "-pk")[: self.limit]
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        publication = {
            "name": xml_safe(SiteSettings.current().site_name),
            # Google wants the ISO 639 code: "en", not "en-us".
            "language": settings.LANGUAGE_CODE.split("-")[0],
        }
        for url in urls:
            url["publication"] = publication
            # Plain text in XML: a row changed around save() may hold a control character.
            url["title"] = xml_safe(url["item"].title)
        return urls


# The sections of /sitemap.xml, each at /sitemap-<name>.xml.
SITEMAPS = {
    "pages": StaticSitemap,
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}
