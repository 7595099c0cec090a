"""Reading a WordPress eXtended RSS export (WXR), as "Tools → Export" writes it.

The file is untrusted: defusedxml parses it, so entities (the "billion laughs")
and external references are refused before anything is read. Every namespace
WordPress has used is accepted (wp: export/1.0/ to 1.2/, and their excerpt
namespaces): elements are matched by local name within those namespaces.

When the whole document is not well-formed, a file that still looks like a WXR
export is read item by item, so one broken <item> is reported with the id and
title a regular expression can find in it, and the others are imported.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from transfer.errors import NotAnExport

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
_WP_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/$")
_EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/$")
_ITEM = re.compile(rb"<item[\s>].*?</item>", re.DOTALL)
_NS_DECLARATION = re.compile(rb"""xmlns(?::[\w.-]+)?\s*=\s*(["'])[^"']*\1""")
_BROKEN_ID = re.compile(rb"<wp:post_id>\s*(?:<!\[CDATA\[)?\s*(\d+)")
_BROKEN_TITLE = re.compile(
    rb"<title>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</title>", re.S
)


@dataclass
class Author:
    login: str
    display_name: str


@dataclass
class Term:
    domain: str  # "category" | "post_tag" | a plugin's taxonomy
    nicename: str
    name: str


@dataclass
class Item:
    """One <item>: a post, page, attachment, menu item or a plugin's post type."""

    post_id: str
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    post_name: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_parent: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    attachment_url: str = ""
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    comments: int = 0

    def meta_value(self, key: str) -> str:
        """The first value of a postmeta key ("" when absent)."""
        values = self.meta.get(key)
        return values[0] if values else ""


@dataclass
class BrokenItem:
    """An <item> that cannot be read: what could be found of it, and why."""

    post_id: str
    title: str
    reason: str


@dataclass
class Export:
    site_url: str  # the channel's <link>: the site's public address
    authors: dict[str, Author]  # by login
    items: list[Item | BrokenItem]

    def attachments(self) -> dict[str, Item]:
        """The media library, by post id."""
        return {
            item.post_id: item
            for item in self.items
            if isinstance(item, Item) and item.post_type == "attachment"
        }


def read_export(path: Path) -> Export:
    """The export at path; NotAnExport when it is missing or not a WXR file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotAnExport(f"Cannot read {path}: {error.strerror or error}.") from error
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as error:
        raise NotAnExport(
            f"{path} declares XML entities or external references, which an "
            f"export never needs: refused ({type(error).__name__})."
        ) from error
    except SafeET.ParseError as error:
        if not _looks_like_wxr(data):
            raise NotAnExport(
                f"{path} is not a WordPress export (not well-formed XML: {error})."
            ) from error
        return _read_item_by_item(path, data)
    return _read_document(path, root)


def _looks_like_wxr(data: bytes) -> bool:
    head = data[:4096]
    return b"<rss" in head and b"wordpress.org/export/" in head


def _read_document(path: Path, root: Element) -> Export:
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise NotAnExport(f"{path} is not a WordPress export (no RSS channel).")
    reader = _Reader.for_channel(channel)
    if reader is None:
        raise NotAnExport(
            f"{path} is an RSS feed, not a WordPress export (no wp: elements; "
            "export with Tools → Export in WordPress)."
        )
    return Export(
        site_url=reader.site_url(channel),
        authors=reader.authors(channel),
        items=[reader.item(element) for element in channel.findall("item")],
    )


def _read_item_by_item(path: Path, data: bytes) -> Export:
    """Parse the channel's head and each <item> on its own (the document is broken)."""
    items = list(_ITEM.finditer(data))
    head_end = items[0].start() if items else len(data)
    declarations = b" ".join(
        match.group(0) for match in _NS_DECLARATION.finditer(data[:head_end])
    )
    try:
        root = SafeET.fromstring(data[:head_end] + b"</channel></rss>")
    except (DefusedXmlException, SafeET.ParseError) as error:
        raise NotAnExport(
            f"{path} is not a WordPress export that can be read: {error}."
        ) from error
    channel = root.find("channel")
    reader = _Reader.for_channel(channel) if channel is not None else None
    if reader is None:
        raise NotAnExport(f"{path} is not a WordPress export (no wp: elements).")
    export = Export(
        site_url=reader.site_url(channel), authors=reader.authors(channel), items=[]
    )
    for match in items:
        wrapped = b"<rss " + declarations + b"><channel>" + match.group(0)
        try:
            element = SafeET.fromstring(wrapped + b"</channel></rss>").find(
                "channel/item"
            )
        except (DefusedXmlException, SafeET.ParseError) as error:
            export.items.append(
                _broken(match.group(0), f"not well-formed XML: {error}")
            )
            continue
        export.items.append(reader.item(element))
    return export


def _broken(raw: bytes, reason: str) -> BrokenItem:
    post_id = _BROKEN_ID.search(raw)
    title = _BROKEN_TITLE.search(raw)
    return BrokenItem(
        post_id=post_id.group(1).decode() if post_id else "?",
        title=title.group(1).decode("utf-8", "replace").strip() if title else "",
        reason=reason,
    )


class _Reader:
    """Reads elements in the namespaces one export uses."""

    def __init__(self, wp_ns: str, excerpt_ns: str):
        self.wp_ns = wp_ns
        self.excerpt_ns = excerpt_ns

    @classmethod
    def for_channel(cls, channel: Element) -> "_Reader | None":
        namespaces = {
            element.tag[1:].split("}", 1)[0]
            for element in channel.iter()
            if element.tag.startswith("{")
        }
        wp_ns = next((ns for ns in namespaces if _WP_NS.match(ns)), None)
        if wp_ns is None:
            return None
        excerpt_ns = next(
            (ns for ns in namespaces if _EXCERPT_NS.match(ns)), wp_ns + "excerpt/"
        )
        return cls(wp_ns, excerpt_ns)

    def wp(self, element: Element, name: str) -> str:
        return _text(element.find(f"{{{self.wp_ns}}}{name}"))

    def site_url(self, channel: Element) -> str:
        link = _text(channel.find("link")) or self.wp(channel, "base_blog_url")
        return link.rstrip("/")

    def authors(self, channel: Element) -> dict[str, Author]:
        authors = {}
        for element in channel.findall(f"{{{self.wp_ns}}}author"):
            login = self.wp(element, "author_login")
            if login:
                display = self.wp(element, "author_display_name") or login
                authors[login] = Author(login=login, display_name=display)
        return authors

    def item(self, element: Element) -> Item | BrokenItem:
        post_id = self.wp(element, "post_id")
        title = _text(element.find("title"))
        missing = [
            name
            for name in ("post_id", "post_type", "status")
            if not self.wp(element, name)
        ]
        if missing:
            return BrokenItem(post_id or "?", title, f"no wp:{', wp:'.join(missing)}")
        if not post_id.isdigit():
            return BrokenItem(post_id, title, f"wp:post_id {post_id!r} is not a number")
        return Item(
            post_id=post_id,
            post_type=self.wp(element, "post_type"),
            status=self.wp(element, "status"),
            title=title,
            link=_text(element.find("link")),
            post_name=self.wp(element, "post_name"),
            post_date=self.wp(element, "post_date"),
            post_date_gmt=self.wp(element, "post_date_gmt"),
            post_parent=self.wp(element, "post_parent"),
            creator=_text(element.find(f"{{{DC_NS}}}creator")),
            content=_raw_text(element.find(f"{{{CONTENT_NS}}}encoded")),
            excerpt=_raw_text(element.find(f"{{{self.excerpt_ns}}}encoded")),
            attachment_url=self.wp(element, "attachment_url"),
            terms=[
                Term(
                    domain=term.get("domain", ""),
                    nicename=term.get("nicename", ""),
                    name=_text(term),
                )
                for term in element.findall("category")
            ],
            meta=self._meta(element),
            comments=len(element.findall(f"{{{self.wp_ns}}}comment")),
        )

    def _meta(self, element: Element) -> dict[str, list[str]]:
        meta: dict[str, list[str]] = {}
        for entry in element.findall(f"{{{self.wp_ns}}}postmeta"):
            key = self.wp(entry, "meta_key")
            if key:
                meta.setdefault(key, []).append(self.wp(entry, "meta_value"))
        return meta


def _raw_text(element: Element | None) -> str:
    return (element.text or "") if element is not None else ""


def _text(element: Element | None) -> str:
    return _raw_text(element).strip()
