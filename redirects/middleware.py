from django.http import HttpResponsePermanentRedirect

from redirects.models import Redirect
from redirects.reserved import reserved_reason


class RedirectFallbackMiddleware:
    """Answer a "not found" with a permanent redirect, when one is recorded.

    Like django.contrib.redirects' fallback middleware, but with 301s, query strings
    kept, and no sites framework. Pages that are found cost no query: the lookup
    happens only on a 404, so a redirect never shadows a live page. Nor the page
    a 404 leads to once CommonMiddleware adds the slash, nor the site's machinery
    (redirects/reserved.py): a row for one of those, saved before the admin refused
    them, is ignored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Old addresses are links and bookmarks; a form posted to one is not ours.
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        redirect = Redirect.objects.matching(request.path).first()
        # A row saved before the admin refused such sources: the machinery at its
        # address, or the page that answers once the slash is added, comes first.
        if redirect is None or reserved_reason(request.path):
            return response
        redirect.count_hit()
        return HttpResponsePermanentRedirect(
            redirect.location(request.META.get("QUERY_STRING", ""))
        )
