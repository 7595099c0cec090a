"""The export's media library: attachments found under --media, into the image library.

WordPress keeps uploads under wp-content/uploads/<year>/<month>/ and links to
resized copies (photo-300x200.jpg) of the original (photo.jpg, or photo-scaled.jpg
for large ones). --media is a copy of that uploads folder: the part of an address
after /wp-content/uploads/ is looked up under it, the original before a resized
copy, and the library makes its own renditions. No file is ever downloaded.
"""

import re
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from images.models import Image
from newsroom.text import plain_text
from transfer.errors import ItemError
from transfer.images import content_hash, import_image
from transfer.models import ImportedImage
from transfer.records import ImageFile
from transfer.wordpress.content import GalleryImage
from transfer.wordpress.wxr import Item
from transfer.writer import Outcome

UPLOADS = "/wp-content/uploads/"
_SIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_LINK = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# Resized copies of the old site's files; the library image has its own.
_RESPONSIVE = re.compile(
    r"""\s(?:srcset|sizes)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE
)


@dataclass
class MissingImage:
    """An image a post shows that did not come into the library, and why."""

    url: str
    reason: str


def upload_path(url: str) -> str | None:
    """The part of url after /wp-content/uploads/ ("2020/05/photo.jpg"), if any."""
    path = unquote(urlsplit(url.strip()).path)
    if UPLOADS not in path:
        return None
    return path.split(UPLOADS, 1)[1]


class MediaLibrary:
    """Finds attachments' files under the media folder and imports each once."""

    def __init__(
        self, attachments: dict[str, Item], media_dir: Path | None, *, dry_run: bool
    ):
        self.attachments = attachments
        self.media_dir = media_dir.resolve() if media_dir else None
        self.dry_run = dry_run
        self._by_path = {}
        for attachment in attachments.values():
            for path in (
                attachment.meta_value("_wp_attached_file"),
                upload_path(attachment.attachment_url) or "",
            ):
                if path:
                    self._by_path[path] = attachment
        self._imported: dict[Path, Image | ItemError] = {}
        # One per file brought in (or found in the library from an earlier run).
        self.outcomes: list[Outcome] = []

    def image_file(self, attachment: Item) -> ImageFile | MissingImage:
        """The attachment's file as an ImageFile, or why there is none.

        Its alt text is the media library's: an <img> keeps its own in the body.
        """
        url = attachment.attachment_url
        found = self._file(
            upload_path(url) or attachment.meta_value("_wp_attached_file")
        )
        if isinstance(found, MissingImage):
            found.url = url or found.url
            return found
        return ImageFile(
            path=found,
            alt=_alt_of(attachment) or found.stem,
            caption=plain_text(attachment.excerpt),
        )

    def gallery_images(
        self, ids: list[str], parent_id: str
    ) -> tuple[list[GalleryImage], list[str]]:
        """The images of a [gallery] (its ids, or else the post's attached images),
        and the ids the export has no attachment for."""
        if ids:
            chosen = [self.attachments[i] for i in ids if i in self.attachments]
        else:
            chosen = [
                a for a in self.attachments.values() if a.post_parent == parent_id
            ]
        images = [
            GalleryImage(
                url=attachment.attachment_url,
                alt=_alt_of(attachment),
                caption=plain_text(attachment.excerpt),
            )
            for attachment in chosen
        ]
        return images, [i for i in ids if i not in self.attachments]

    def rewrite_images(self, html: str) -> tuple[str, list[MissingImage]]:
        """html with the library's address in each <img> it could import, and in
        links to those images' files (WordPress links a picture to its original)."""
        missing: list[MissingImage] = []

        def rewrite_img(match: re.Match) -> str:
            tag = match.group(0)
            src = _SRC.search(tag)
            if src is None:
                return tag
            alt = _ALT.search(tag)
            alt_text = unescape(_value(alt)) if alt else ""
            image = self.library_image_for_url(_value(src), alt_text)
            if isinstance(image, MissingImage):
                missing.append(image)
            if not isinstance(image, Image):
                return tag
            rest = _RESPONSIVE.sub("", _ALT.sub("", _SRC.sub("", tag)))[len("<img") :]
            return (
                f'<img src="{escape(image.body_picture["url"])}" '
                f'alt="{escape(alt_text or image.alt_text)}"{rest}'
            )

        def rewrite_link(match: re.Match) -> str:
            tag = match.group(0)
            href = _HREF.search(tag)
            image = self._imported_for_url(_value(href)) if href else None
            return _set(tag, href, "href", image.largest["url"]) if image else tag

        html = _IMG.sub(rewrite_img, html)
        return _LINK.sub(rewrite_link, html), missing

    def library_image_for_url(self, url: str, alt: str) -> Image | MissingImage | None:
        """The library image for an <img src>; None in a dry run (nothing stored)."""
        path = upload_path(url)
        if path is None:
            return MissingImage(
                url,
                "not in the WordPress media library (the site shows no images "
                "from other sites)",
            )
        attachment = self._attachment_for(path)
        if attachment is not None:
            image_file = self.image_file(attachment)
        else:
            found = self._file(path)
            image_file = (
                found
                if isinstance(found, MissingImage)
                else ImageFile(path=found, alt=alt or found.stem)
            )
        if isinstance(image_file, MissingImage):
            image_file.url = url
            return image_file
        return self.import_file(image_file, url)

    def import_file(
        self, image_file: ImageFile, url: str
    ) -> Image | MissingImage | None:
        """image_file in the library (once per file), or why it could not come in."""
        key = image_file.path
        if key not in self._imported:
            is_known = ImportedImage.objects.filter(
                content_hash=content_hash(key)
            ).exists()
            try:
                self._imported[key] = import_image(image_file, dry_run=self.dry_run)
            except ItemError as error:
                self._imported[key] = error
            else:
                action = "unchanged" if is_known else "created"
                name = str(key.relative_to(self.media_dir))
                self.outcomes.append(Outcome(action, "image", name))
        result = self._imported[key]
        if isinstance(result, ItemError):
            return MissingImage(url, str(result))
        return result if result.pk else None

    def _imported_for_url(self, url: str) -> Image | None:
        """The library image already imported from url's file, if any."""
        path = upload_path(url)
        found = self._file(path) if path and self.media_dir else None
        image = self._imported.get(found) if isinstance(found, Path) else None
        return image if isinstance(image, Image) and image.pk else None

    def _attachment_for(self, path: str) -> Item | None:
        for candidate in _originals(path):
            if candidate in self._by_path:
                return self._by_path[candidate]
        return None

    def _file(self, path: str) -> Path | MissingImage:
        if self.media_dir is None:
            return MissingImage(path, "no --media folder given")
        for candidate in _originals(path):
            file = (self.media_dir / candidate).resolve()
            # An address with ../ must not reach outside the media folder.
            if file.is_relative_to(self.media_dir) and file.is_file():
                return file
        return MissingImage(path, f"file not found under {self.media_dir}")


def _value(attribute: re.Match) -> str:
    return next(value for value in attribute.groups() if value is not None)


def _set(tag: str, attribute: re.Match, name: str, value: str) -> str:
    """tag with the attribute attribute matched set to value."""
    new = f' {name}="{escape(value)}"'
    return tag[: attribute.start()] + new + tag[attribute.end() :]


def _originals(path: str) -> list[str]:
    """path's original upload first, then path itself (a resized copy)."""
    original = _SIZED.sub("", path)
    stem = PurePosixPath(original)
    scaled = str(stem.with_name(f"{stem.stem}-scaled{stem.suffix}"))
    return list(dict.fromkeys([original, scaled, path]))


def _alt_of(attachment: Item) -> str:
    return attachment.meta_value("_wp_attachment_image_alt").strip() or plain_text(
        attachment.title
    )
