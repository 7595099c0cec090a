"""Library images shown in bodies, carried across an export and an import.

Export copies each file a body's <img> shows into the export and points the <img>
at the copy (a path relative to the article's file); import brings each such file
into the image library and points the <img> at it again.
"""

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from images.uses import media_paths
from transfer.local_files import file_within
from transfer.records import ImageFile

_IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")')


def _replace_sources(html: str, new_source: Callable[[str], str | None]) -> str:
    """html with each <img src> replaced by new_source(src), where it gives one."""

    def replace(match: re.Match) -> str:
        source = new_source(match[2].replace("&amp;", "&"))
        return match[0] if source is None else f"{match[1]}{source}{match[3]}"

    return _IMG_SRC.sub(replace, html)


def exported(html: str, copy: Callable[[str], str]) -> str:
    """html with each library image it shows at copy(storage name)'s path."""

    def new_source(source: str) -> str | None:
        paths = media_paths(f'<img src="{source}">')
        return copy(paths.pop()) if paths else None

    return _replace_sources(html, new_source)


class _Images(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "img" and values.get("src"):
            self.found.append((values["src"], values.get("alt") or ""))


def local_images(html: str, folder: Path, root: Path) -> dict[str, ImageFile]:
    """The <img>s of html whose src is a path relative to folder: src -> file.

    ItemError for one that lies outside root (transfer/local_files.py).
    """
    images = {}
    for source, alt in _Images(html).found:
        parts = urlsplit(source)
        if parts.scheme or parts.netloc or parts.path.startswith("/"):
            continue
        path = file_within(root, folder, unquote(parts.path))
        images[source] = ImageFile(path=path, alt=alt)
    return images


def pointed_at(html: str, urls: dict[str, str]) -> str:
    """html with each <img src> found in urls replaced by its new address."""
    return _replace_sources(html, urls.get)
