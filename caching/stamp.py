"""A file the worker processes of one site share, changed at each invalidation.

With a cache per process (the local-memory cache), a change clears the pages of
the process that made it; the others learn of it from this file, at the cost of
one stat() per request. One file per checkout and database, in the system's
temporary folder: the workers of one site share it, other sites don't.
"""

import hashlib
import logging
import os
import secrets
import tempfile
from functools import cache as memoize
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)


@memoize
def _path_for(database: str) -> Path:
    name = hashlib.sha256(database.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"newsroom-pages-{name}"


def path() -> Path:
    database = settings.DATABASES["default"]
    # The checkout too: test databases of different checkouts share their names.
    return _path_for(
        f"{settings.BASE_DIR} {database['ENGINE']} {database.get('HOST')} "
        f"{database['NAME']}"
    )


def read() -> tuple[int, int] | None:
    """The stamp's identity now (inode, mtime), None before any invalidation."""
    try:
        found = os.stat(path())
    except FileNotFoundError:
        return None
    return found.st_ino, found.st_mtime_ns


def write() -> tuple[int, int] | None:
    """Change the stamp; the identity of the one written (None if it failed)."""
    target = path()
    fresh = target.with_name(f"{target.name}.{secrets.token_hex(4)}")
    try:
        fresh.write_bytes(b"")
        written = os.stat(fresh)
        # A new inode each time: no two stamps look alike, however close in time.
        os.replace(fresh, target)
    except OSError as error:
        logger.warning("Other workers may serve cleared pages: %s", error)
        return None
    return written.st_ino, written.st_mtime_ns
