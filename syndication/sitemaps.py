"""The sitemaps search engines read: one per kind of page, and the Google News one.

Every <loc> starts from settings.SITE_URL, never from the request's Host header
(Django's sitemaps would use the Host, as we don't run contrib.sites). Only what
Article.objects.published() returns is listed, so drafts and scheduled pieces stay
out until their time comes. syndication/urls.py wires SITEMAPS and NewsSitemap to
Django's sitemap views; syndication/views.py serves the index and robots.txt.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
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


class SiteURLSitemap(Sitemap):
    """A sitemap whose <loc>s start with settings.SITE_URL, whatever Host was asked."""

    def get_protocol(self, protocol=None):
        return settings.SITE_URL.split("://", 1)[0]

    def get_domain(self, site=None):
        # Everything after the scheme: the host, and a path prefix if SITE_URL has one.
        return settings.SITE_URL.split("://", 1)[1]


class ArticleSitemap(SiteURLSitemap):
    """Every published article, with its hero image for Google Images."""

    def items(self):
        # Oldest first: new articles join the last file and earlier files stay put.
        return (
            Article.objects.published()
            .select_related("hero")
            .only("slug", "hero")
            .annotate(last_changed_at=LAST_CHANGED)
            .order_by("published_at", "pk")
        )

    def lastmod(self, article):
        return article.last_changed_at

    def get_latest_lastmod(self):
        # For the index: one aggregate rather than a pass over every article.
        return Article.objects.published().aggregate(latest=Max(LAST_CHANGED))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            hero = url["item"].hero
            url["images"] = [absolute_url(hero.largest["url"])] if hero else []
        return urls


class ListingSitemap(SiteURLSitemap):
    """Pages that list published articles; lastmod is when the newest one went live.

    Subclasses filter their model to rows with a published article through the
    relation named by `articles`, so that Max() counts only those articles.
    """

    model = None
    articles = ""

    def items(self):
        return (
            self.model.objects.filter(
                **{f"{self.articles}__in": Article.objects.published()}
            )
            .only("slug")
            .annotate(last_published_at=Max(f"{self.articles}__published_at"))
            .order_by("slug")
        )

    def lastmod(self, item):
        return item.last_published_at


class SectionSitemap(ListingSitemap):
    # A section without published articles is an empty page: not worth a crawl.
    model = Section
    articles = "articles"


class TagSitemap(ListingSitemap):
    # Tags only FAQ entries or unpublished articles carry have no page to show.
    model = Tag
    articles = "article"

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])


class AuthorSitemap(ListingSitemap):
    model = Author
    articles = "articles"


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
