"""One WordPress post or page as an ImportedArticle: what maps to what.

- status: publish → published (post_date_gmt, else post_date in the site's zone),
  future → scheduled, draft → draft, pending → review; others are skipped.
- the first category → section, the other categories and the tags → tags;
  dc:creator → the author (display name, slug from the login).
- excerpt → summary; Yoast's or Rank Math's description → meta description;
  _thumbnail_id → the hero, with the attachment's alt text and caption.
- the item's <link> and _wp_old_slug → old paths (not ?p=<id>: see old_paths()).
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import unescape
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from articles.models import Kind
from newsroom.text import plain_text
from transfer.errors import ItemError
from transfer.records import ImportedArticle
from transfer.wordpress.content import GalleryImage, to_html
from transfer.wordpress.media import MediaLibrary, MissingImage
from transfer.wordpress.wxr import Export, Item

STATUSES = {
    "publish": "published",
    "future": "scheduled",
    "draft": "draft",
    "pending": "review",
}
# Postmeta the importer reads, and WordPress's own bookkeeping, which means
# nothing outside it; any other key is a plugin's data, counted in the report.
UNDERSTOOD_META = frozenset(
    {
        "_thumbnail_id",
        "_wp_old_slug",
        "_yoast_wpseo_metadesc",
        "rank_math_description",
        "_wp_attached_file",
        "_wp_attachment_image_alt",
        "_wp_attachment_metadata",
        "_edit_last",
        "_edit_lock",
        "_pingme",
        "_encloseme",
        "_wp_page_template",
        "_wp_old_date",
        "_wp_desired_post_slug",
        "_wp_trash_meta_status",
        "_wp_trash_meta_time",
    }
)
# WXR 1.0 wrote tags with domain="tag", and each category once more without one.
UNDERSTOOD_TAXONOMIES = frozenset({"category", "post_tag", "tag", ""})
_NO_DATE = re.compile(r"^0000-00-00")
SLUG_LENGTH = 200


@dataclass
class Mapped:
    article: ImportedArticle
    missing_images: list[MissingImage] = field(default_factory=list)
    unknown_shortcodes: list[str] = field(default_factory=list)


def label(item) -> str:
    """How the report names an item: "#<post id> <title>"."""
    return f"#{item.post_id} {plain_text(item.title) or '(no title)'}"


def skip_reason(item: Item) -> str:
    """Why a post or page is not imported ("" when it is)."""
    if item.status in STATUSES:
        return ""
    if item.status in ("private", "trash"):
        return f"{item.status} in WordPress: not imported"
    return f"status {item.status!r}: not imported"


def to_article(
    item: Item, *, export: Export, media: MediaLibrary, kind: str, zone: ZoneInfo
) -> Mapped:
    """item as an ImportedArticle; ItemError when a required part is unusable."""
    title = plain_text(item.title)
    if not title:
        raise ItemError("it has no title")
    # Checked before any image comes into the library for a post that can't.
    published_at = _published_at(item, zone)
    missing: list[MissingImage] = []

    def gallery_images(ids: list[str]) -> list[GalleryImage]:
        images, absent = media.gallery_images(ids, item.post_id)
        missing.extend(
            MissingImage(f"attachment #{i}", "in a [gallery] but not in the export")
            for i in absent
        )
        return images

    body = to_html(item.content, gallery_images=gallery_images)
    html, not_found = media.rewrite_images(body.html)
    missing += not_found
    article = ImportedArticle(
        source=f"wordpress:{export.site_url}",
        source_id=item.post_id,
        title=title,
        slug=_slug(item, title),
        kind=kind,
        body=html,
        status=STATUSES[item.status],
        published_at=published_at,
        summary=plain_text(item.excerpt),
        meta_description=plain_text(
            item.meta_value("_yoast_wpseo_metadesc")
            or item.meta_value("rank_math_description")
        ),
        section=_section(item),
        authors=_authors(item, export),
        tags=_tags(item),
        old_paths=old_paths(item),
    )
    if hero := _hero(item, media):
        if isinstance(hero, MissingImage):
            missing.append(hero)
        else:
            article.hero = hero
    return Mapped(article, missing, body.unknown_shortcodes)


def kind_for(post_type: str) -> str:
    return Kind.GUIDE if post_type == "page" else Kind.NEWS


def old_paths(item: Item) -> list[str]:
    """The old site's pretty addresses for item: its link's path, earlier slugs too.

    Not ?p=<id> (plain permalinks): the old home page's address with a query,
    which our home page, the page cache and the front cache answer without
    looking at p. Those links are left out, and the README says so.
    """
    link = urlsplit(item.link)
    if link.query or not link.path.strip("/"):
        return []
    paths = [link.path]
    segments = link.path.rstrip("/").split("/")
    trailing = "/" if link.path.endswith("/") else ""
    # WordPress answers a post's earlier slugs too (_wp_old_slug).
    if item.post_name and unquote(segments[-1]) == unquote(item.post_name):
        paths += [
            "/".join([*segments[:-1], old]) + trailing
            for old in item.meta.get("_wp_old_slug", [])
            if old
        ]
    return list(dict.fromkeys(paths))


def _slug(item: Item, title: str) -> str:
    slug = slugify(unquote(item.post_name)) or slugify(title) or f"post-{item.post_id}"
    return slug[:SLUG_LENGTH].strip("-")


def _published_at(item: Item, zone: ZoneInfo) -> datetime | None:
    if item.status not in ("publish", "future"):
        return None
    if item.post_date_gmt and not _NO_DATE.match(item.post_date_gmt):
        return _date(item.post_date_gmt, "wp:post_date_gmt").replace(tzinfo=UTC)
    if item.post_date and not _NO_DATE.match(item.post_date):
        return _date(item.post_date, "wp:post_date").replace(tzinfo=zone)
    raise ItemError(f"it is marked {item.status!r} but has no date")


def _date(value: str, name: str) -> datetime:
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError as error:
        raise ItemError(f"{name} {value!r} is not a date") from error


def _section(item: Item) -> str:
    categories = [term for term in item.terms if term.domain == "category"]
    return unescape(categories[0].name) if categories else ""


def _tags(item: Item) -> list[str]:
    categories = [term for term in item.terms if term.domain == "category"][1:]
    tags = [term for term in item.terms if term.domain in ("post_tag", "tag")]
    return list(dict.fromkeys(unescape(term.name) for term in categories + tags))


def _authors(item: Item, export: Export) -> list[tuple[str, str]]:
    if not item.creator:
        return []
    author = export.authors.get(item.creator)
    name = author.display_name if author else item.creator
    return [(unescape(name), slugify(item.creator))]


def _hero(item: Item, media: MediaLibrary):
    thumbnail_id = item.meta_value("_thumbnail_id")
    if not thumbnail_id:
        return None
    attachment = media.attachments.get(thumbnail_id)
    if attachment is None:
        return MissingImage(
            f"attachment #{thumbnail_id}", "featured image not in the export"
        )
    image_file = media.image_file(attachment)
    if isinstance(image_file, MissingImage):
        return image_file
    # Imported now, so a file the library refuses leaves the article without a
    # hero instead of failing it; the writer's import finds the same image.
    imported = media.import_file(image_file, attachment.attachment_url)
    return imported if isinstance(imported, MissingImage) else image_file
