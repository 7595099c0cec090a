"""RSS 2.0, Atom and JSON Feed 1.1 feeds of published articles.

The whole site has all three; each section, tag and author has RSS and Atom. A feed
holds the 20 newest articles of the same published() queryset its page lists. Every
URL in a feed starts from settings.SITE_URL, never from the request's Host header
(as in syndication/seo.py), and so do the links and images inside the article bodies.
An item carries the title, the plain-text description, the sanitized body
(body_html), every author in byline order, the section and tags, the publication
and last-update dates (Article.modified_at) and the hero image. Every feed's
description ends with the outlet's disclaimer. The formats themselves are written
by syndication/feedgenerators.py.
"""

import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape
from taggit.models import Tag

from articles.models import Article, ArticleQuerySet, Author, Section
from newsroom.cache_tags import add_cache_tags
from newsroom.paths import path
from siteconfig.models import SiteSettings
from syndication.feedgenerators import FEED_TYPES
from syndication.seo import LOGO, absolute_url

FEED_LENGTH = 20
FAVICON = "img/favicon.svg"
ENCLOSURE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}

# Sanitized HTML (bleach's output) always double-quotes attribute values and
# escapes '"' and '<' inside them, so a '<' starts a real tag and a quoted value
# never holds a quote: these patterns cannot match text that only looks like a tag.
_LINKING_TAG = re.compile(r'<(?:a|img)\s(?:[^">]|"[^"]*")*>')
_ATTRIBUTE = re.compile(r'(\s)([\w:.-]+)="([^"]*)"')


def absolute_links(clean_html: str, base_url: str) -> str:
    """clean_html with every link and image address made absolute against base_url.

    Feed readers show the body away from the site, where /media/… would not load.
    """

    def absolute_attribute(match: re.Match) -> str:
        space, name, value = match.groups()
        if name not in ("href", "src"):
            return match[0]
        return f'{space}{name}="{escape(urljoin(base_url, unescape(value)))}"'

    return _LINKING_TAG.sub(
        lambda tag: _ATTRIBUTE.sub(absolute_attribute, tag[0]), clean_html
    )


@dataclass(frozen=True)
class Channel:
    """What a feed is about: the whole site (subject None), a section, a tag or an author."""

    site: SiteSettings
    subject: Section | Tag | Author | None = None

    @property
    def url_prefix(self) -> str:
        """The start of its feeds' URL names: syndication:<prefix>_rss and so on."""
        if self.subject is None:
            return "feed"
        return {Section: "section", Tag: "tag", Author: "author"}[type(self.subject)]

    @property
    def formats(self) -> tuple[str, ...]:
        return ("rss", "atom", "json") if self.subject is None else ("rss", "atom")

    @property
    def title(self) -> str:
        """Its page's title, e.g. "Science – Claude News"."""
        match self.subject:
            case None:
                return self.site.site_name
            case Tag():
                name = f"Tagged “{self.subject.name}”"
            case _:
                name = self.subject.name
        return f"{name} – {self.site.site_name}"

    @property
    def description(self) -> str:
        """What the feed holds, then the outlet's disclaimer."""
        match self.subject:
            case None:
                intro = self.site.tagline
            case Section():
                intro = self.subject.description or f"Articles in {self.subject.name}."
            case Tag():
                intro = f"Articles tagged {self.subject.name}."
            case Author():
                intro = f"Articles by {self.subject.name}."
        return " ".join(part.strip() for part in (intro, self.site.disclaimer) if part)

    @property
    def page_url(self) -> str:
        if self.subject is None:
            return absolute_url(reverse("articles:index"))
        if isinstance(self.subject, Tag):
            return absolute_url(reverse("articles:tag", args=[self.subject.slug]))
        return absolute_url(self.subject.get_absolute_url())

    def feed_url(self, fmt: str) -> str:
        # Every page's <head> links the feeds: remembered paths, not reverse().
        slug = None if self.subject is None else self.subject.slug
        return absolute_url(path(f"syndication:{self.url_prefix}_{fmt}", slug))

    def articles(self) -> ArticleQuerySet:
        """Its newest published articles, filtered as its page filters them."""
        articles = Article.objects.published()
        match self.subject:
            case Section():
                articles = articles.in_section(self.subject)
            case Tag():
                articles = articles.tagged(self.subject)
            case Author():
                articles = articles.by_author(self.subject)
        # Items carry the body and tags, unlike cards: all in a fixed number of
        # queries. The editor's raw body and the contents list stay behind.
        return (
            articles.newest_first()
            .with_bylines()
            .select_related("hero")
            .prefetch_related("tags")
            .defer("body", "toc")[:FEED_LENGTH]
        )

    def alternate_links(self) -> list[dict]:
        """type, title and href of each feed, for <link rel="alternate"> tags."""
        return [
            {
                "type": FEED_TYPES[fmt].mime_type,
                "title": f"{self.title} ({FEED_TYPES[fmt].label})",
                "href": self.feed_url(fmt),
            }
            for fmt in self.formats
        ]


def _hero_enclosure(article: Article) -> feedgenerator.Enclosure | None:
    """The hero's widest JPEG (or PNG) rendition, with its size in bytes."""
    hero = article.hero
    if hero is None:
        return None
    renditions = [
        item
        for item in hero.renditions.get("responsive", [])
        if item["format"] in ENCLOSURE_TYPES
    ]
    social = hero.renditions.get("social")
    picked = renditions[-1] if renditions else social
    if picked is None:
        return None
    return feedgenerator.Enclosure(
        url=absolute_url(hero.file.storage.url(picked["path"])),
        length=str(picked["bytes"]),
        mime_type=ENCLOSURE_TYPES[picked["format"]],
    )


class SiteFeed(Feed):
    """The newest published articles of the whole site, in the format of feed_type."""

    def __init__(self, feed_type: type[feedgenerator.SyndicationFeed]):
        self.feed_type = feed_type

    def get_object(self, request):
        add_cache_tags(request, "list-feeds")
        return Channel(SiteSettings.current())

    def title(self, channel):
        return channel.title

    def link(self, channel):
        return channel.page_url

    def feed_url(self, channel):
        return channel.feed_url(self.feed_type.format)

    def description(self, channel):
        return channel.description

    def subtitle(self, channel):
        # Atom's name for the description.
        return channel.description

    def author_name(self, channel):
        # Atom entries need an author: the outlet stands in for an unsigned piece.
        return channel.site.site_name

    def author_link(self, channel):
        return absolute_url(reverse("articles:index"))

    def feed_extra_kwargs(self, channel):
        return {
            "icon": absolute_url(static(LOGO)),
            "favicon": absolute_url(static(FAVICON)),
        }

    def items(self, channel):
        return channel.articles()

    def item_title(self, article):
        # Plain text: the feed generators escape it once, for XML.
        return article.title

    def item_link(self, article):
        return absolute_url(article.get_absolute_url())

    def item_guid(self, article):
        """A tag: URI from the primary key: readers keep the item if the slug changes."""
        host = urlsplit(settings.SITE_URL).hostname
        return f"tag:{host},{article.created_at:%Y-%m-%d}:article:{article.pk}"

    item_guid_is_permalink = False

    def item_description(self, article):
        # RSS descriptions and Atom summaries (type="html") are HTML: escape the text.
        return escape(article.description)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.modified_at

    def item_categories(self, article):
        tags = sorted(tag.name for tag in article.tags.all())
        return list(dict.fromkeys([article.section.name, *tags]))

    def item_enclosures(self, article):
        enclosure = _hero_enclosure(article)
        return [enclosure] if enclosure else []

    def item_extra_kwargs(self, article):
        enclosure = _hero_enclosure(article)
        social = article.hero.social if article.hero else None
        return {
            "content_html": absolute_links(article.body_html, self.item_link(article)),
            "summary_text": article.description,
            "authors": [
                {"name": author.name, "url": absolute_url(author.get_absolute_url())}
                for author in article.byline_authors
            ],
            "image": enclosure.url if enclosure else None,
            "banner_image": absolute_url(social["url"]) if social else None,
        }


class SectionFeed(SiteFeed):
    def get_object(self, request, slug):
        section = get_object_or_404(Section, slug=slug)
        add_cache_tags(request, "list-feeds", f"section-{section.pk}")
        return Channel(SiteSettings.current(), section)


class TagFeed(SiteFeed):
    def get_object(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        add_cache_tags(request, "list-feeds", f"tag-{tag.slug}")
        return Channel(SiteSettings.current(), tag)


class AuthorFeed(SiteFeed):
    def get_object(self, request, slug):
        author = get_object_or_404(Author, slug=slug)
        add_cache_tags(request, "list-feeds", f"author-{author.pk}")
        return Channel(SiteSettings.current(), author)
