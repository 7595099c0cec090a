"""Purging pages from the front cache (nginx with the cache-purge module, deploy/).

One PURGE request per page, with the page's public Host, over one keep-alive
connection to FRONT_CACHE_PURGE_URL. A purge that fails is logged and given up:
it never breaks or rolls back the change that asked for it (the entries then
expire after SHARED_CACHE_SECONDS, as with no purge at all).
"""

import logging
import threading
from collections.abc import Iterable
from http.client import HTTPConnection, HTTPException, HTTPSConnection
from urllib.parse import urlsplit

from django.conf import settings

from caching.pages import purge_target

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 2
# 200: purged; 404: the front cache held no such entry.
PURGED = (200, 404)
# A page made from the old data just before the change may still be on its way
# into the front cache when the first purge arrives (caching/middleware.py keeps
# it out only once the change is under way): the pages are purged again after.
AGAIN_AFTER_SECONDS = 1.0


def purge_twice(pages: Iterable[str]) -> None:
    """purge() now, and again AGAIN_AFTER_SECONDS later, in the background."""
    pages = set(pages)
    if not settings.FRONT_CACHE_PURGE_URL or not pages:
        return
    purge(pages)
    again = threading.Timer(AGAIN_AFTER_SECONDS, purge, args=(pages,))
    again.daemon = True
    again.start()


def purge(pages: Iterable[str]) -> int:
    """Ask the front cache to drop pages; the number of PURGEs it answered."""
    base = settings.FRONT_CACHE_PURGE_URL
    targets = sorted({purge_target(page) for page in pages})
    if not base or not targets:
        return 0
    parts = urlsplit(base)
    connection_class = HTTPSConnection if parts.scheme == "https" else HTTPConnection
    connection = connection_class(parts.hostname, parts.port, timeout=TIMEOUT_SECONDS)
    done = 0
    try:
        for host, target in targets:
            connection.request("PURGE", target, headers={"Host": host})
            response = connection.getresponse()
            response.read()
            if response.status not in PURGED:
                logger.warning(
                    "Front cache answered %s to PURGE %s (Host %s)",
                    response.status,
                    target,
                    host,
                )
            done += 1
    except (OSError, HTTPException) as error:
        logger.warning(
            "Front-cache purge failed after %s of %s pages: %s",
            done,
            len(targets),
            error,
        )
    finally:
        connection.close()
    return done
