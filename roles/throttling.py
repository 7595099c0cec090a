"""Login throttling with django-axes: the client's address, and the lockout page.

settings.py configures axes (5 failures for one user name from one address within
15 minutes lock that pair out for 15 minutes); this module answers the two questions
axes leaves to the site.
"""

import math
from datetime import datetime
from ipaddress import ip_address

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def client_ip(request: HttpRequest) -> str | None:
    """The address a login attempt came from.

    Behind our nginx (settings.BEHIND_PROXY) every request comes from nginx, which
    sets X-Real-IP to its own client's address. X-Forwarded-For is never read: a
    client can send any value in it, and nginx passes it along.
    """
    if settings.BEHIND_PROXY:
        real_ip = request.META.get("HTTP_X_REAL_IP", "").strip()
        if _is_ip(real_ip):
            return real_ip
    return request.META.get("REMOTE_ADDR")


def _is_ip(value: str) -> bool:
    try:
        ip_address(value)
    except ValueError:
        return False
    return True


def lockout_ends_at(request: HttpRequest, username: str | None) -> datetime:
    """When the pair of user name and address may try again."""
    last_failure = AccessAttempt.objects.filter(
        username=username, ip_address=request.axes_ip_address
    ).aggregate(last=Max("attempt_time"))["last"]
    return (last_failure or timezone.now()) + get_cool_off(request)


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """A styled 429 page saying when to retry (axes' AXES_LOCKOUT_CALLABLE)."""
    ends_at = lockout_ends_at(request, get_client_username(request, credentials))
    seconds = max(math.ceil((ends_at - timezone.now()).total_seconds()), 1)
    response = render(
        request,
        "roles/locked_out.html",
        {"retry_at": ends_at, "retry_minutes": math.ceil(seconds / 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
