"""What an importer hands to transfer/writer.py: plain data, no Django models.

Each reader (Markdown files, a WordPress export) turns its input into these; the
writer alone decides what they become on the site.
"""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass
class ImageFile:
    """An image on disk to bring into the image library."""

    path: Path
    alt: str = ""
    caption: str = ""
    credit: str = ""


@dataclass
class ImportedArticle:
    source: str  # "wordpress:<site base url>" | "markdown"
    source_id: str  # WordPress post id | the Markdown file's `id` or slug
    title: str
    slug: str
    kind: str  # articles.models.Kind value
    body: str  # HTML, NOT yet sanitized (Article.save() sanitizes)
    status: str  # "draft" | "review" | "published" | "scheduled"
    published_at: datetime | None = None  # aware
    summary: str = ""
    meta_description: str = ""
    section: str = ""  # section NAME; created if missing ("" -> a default section)
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, slug or "")
    tags: list[str] = field(default_factory=list)  # names; matched case-insensitively
    hero: ImageFile | None = None
    faq: list[tuple[str, str]] = field(default_factory=list)  # (question, answer html)
    # (article slug or URL, label); a third item, if given, is the link's description.
    see_also: list[tuple[str, str]] = field(default_factory=list)
    old_paths: list[str] = field(default_factory=list)  # old addresses -> 301 here
    title_for_report: str = ""  # defaults to title
    # Files the body's <img src="..."> show, by that src: imported into the library
    # and the src replaced by the image's address.
    body_images: dict[str, ImageFile] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """How reports name the item: "#<source_id> <title>"."""
        return f"#{self.source_id} {self.title_for_report or self.title}"
