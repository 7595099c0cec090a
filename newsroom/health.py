"""Probes for whoever runs the site: /healthz (alive) and /readyz (can serve).

Neither shows anything but "ok" or which dependency failed: no versions, names or
errors, since anyone can ask. Both are never cached.
"""

import json
import logging
import threading
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

# How long a dependency may take to answer before it counts as down (seconds).
READY_WITHIN = 1.0

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """The process answers; on purpose it touches neither database nor cache."""
    return HttpResponse("ok", content_type="text/plain")


def database_answers() -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def cache_answers() -> bool:
    token = uuid.uuid4().hex
    cache.set("readyz", token, 10)
    return cache.get("readyz") == token


def answers_in_time(check) -> bool:
    """Run check in a thread of its own, so a hung dependency costs READY_WITHIN."""
    outcome = []

    def run():
        try:
            outcome.append(check())
        except Exception:  # Whatever broke, the dependency did not answer.
            outcome.append(False)
        finally:
            # This thread's own connection: never leave it open.
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(READY_WITHIN)
    return bool(outcome and outcome[0])


@never_cache
def readyz(request):
    """200 when the database and the cache answer within READY_WITHIN, else 503."""
    checks = {"database": database_answers, "cache": cache_answers}
    results = {
        name: "ok" if answers_in_time(check) else "failed"
        for name, check in checks.items()
    }
    ready = all(result == "ok" for result in results.values())
    response = HttpResponse(
        json.dumps(results),
        content_type="application/json",
        status=200 if ready else 503,
    )
    if not ready:
        # One line per failed probe, instead of Django's error log with a request dump.
        failed = ", ".join(name for name, result in results.items() if result != "ok")
        logger.warning("Not ready: %s did not answer", failed)
        response._has_been_logged = True
    return response
