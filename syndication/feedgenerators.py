"""The feed formats: RSS 2.0, Atom and JSON Feed 1.1, as Django feed generators.

syndication/feeds.py decides what a feed holds; these classes decide how it is
written. Each carries the full body, every author and the last-update date, and
the two XML formats drop the characters XML 1.0 forbids before writing.
"""

import json

from django.utils import feedgenerator
from django.utils.feedgenerator import rfc3339_date

from newsroom.text import xml_safe

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def _xml_safe_values(value):
    """value with xml_safe() applied to every string inside it."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {key: _xml_safe_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe_values(item) for item in value)
    return value


class XmlSafeFeed(feedgenerator.SyndicationFeed):
    """Drops the characters XML 1.0 forbids from every value before writing.

    Saved text is cleaned already (newsroom/text.py); this covers rows changed
    around save(), which would otherwise make the whole feed a 500.
    """

    def write(self, outfile, encoding):
        self.feed = _xml_safe_values(self.feed)
        self.items = _xml_safe_values(self.items)
        super().write(outfile, encoding)


class RssFeed(XmlSafeFeed, feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with the full body (content:encoded), every author and atom:updated."""

    format = "rss"
    label = "RSS"
    mime_type = "application/rss+xml"

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author["name"])
        # RSS has only pubDate; the Atom namespace, declared by Django, has updated.
        handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content_html"])


class AtomFeed(XmlSafeFeed, feedgenerator.Atom1Feed):
    """Atom with the full body as <content type="html"> and one <author> per author."""

    format = "atom"
    label = "Atom"
    mime_type = "application/atom+xml"

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(feedgenerator.SyndicationFeed):
    """JSON Feed 1.1: https://www.jsonfeed.org/version/1.1/"""

    format = "json"
    label = "JSON Feed"
    mime_type = "application/feed+json"
    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = {
            "version": JSON_FEED_VERSION,
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "icon": self.feed["icon"],
            "favicon": self.feed["favicon"],
            "authors": [
                {"name": self.feed["author_name"], "url": self.feed["author_link"]}
            ],
            "language": self.feed["language"],
            "items": [self._item(item) for item in self.items],
        }
        json.dump(feed, outfile, ensure_ascii=False, indent=2)

    def _item(self, item: dict) -> dict:
        data = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item["content_html"],
            "summary": item["summary_text"],
            "image": item["image"],
            "banner_image": item["banner_image"],
            "date_published": rfc3339_date(item["pubdate"]),
            "date_modified": rfc3339_date(item["updateddate"]),
            "authors": item["authors"],
            "tags": item["categories"],
        }
        return {key: value for key, value in data.items() if value not in (None, "")}


FEED_TYPES = {
    feed_type.format: feed_type for feed_type in (RssFeed, AtomFeed, JsonFeed)
}
