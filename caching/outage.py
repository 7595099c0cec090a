"""A cache that is down: said once in the log, then treated as empty.

Every anonymous request asks the cache first (caching/wsgi.py); while Redis is
down each would fail. They are misses instead, made by Django as without a
cache, and the log says so once per outage rather than once per request.
"""

import logging

logger = logging.getLogger(__name__)
_down = False


def report() -> None:
    """Call from an except block around a cache call that failed."""
    global _down
    if not _down:
        _down = True
        logger.exception(
            "The cache is down: pages are made without it until it is back"
        )


def recovered() -> None:
    """Call after a cache call succeeded: the next failure is a new outage."""
    global _down
    if _down:
        _down = False
        logger.warning("The cache is back")
