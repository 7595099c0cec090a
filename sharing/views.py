from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers

from articles.models import Article
from articles.views import ArticleDetailView
from sharing.models import LinkStatus, ShareLink


def keep_private(response):
    """Never cached, never indexed, and the secret address sent on to no one."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def link_gone(request, link):
    """A plain 410 page for a revoked or expired link: the reader asks for a new one."""
    return keep_private(
        render(request, "sharing/link_gone.html", {"link": link}, status=410)
    )


class SharedArticleView(ArticleDetailView):
    """An unpublished article as readers will see it, for anyone with the link.

    The article page's own context and template (extended only to drop the canonical
    address, which would repeat the token), with a banner naming the link's expiry.
    """

    template_name = "sharing/article_preview.html"

    def get(self, request, *args, **kwargs):
        # An unknown or altered token is the site's ordinary 404: nothing to learn.
        link = get_object_or_404(ShareLink.objects.with_token(kwargs["token"]))
        if link.status == LinkStatus.REVOKED:
            return link_gone(request, link)
        article = Article.objects.for_detail().get(pk=link.article_id)
        # Once public, the article is the place to read it, even after expiry.
        # Not cached: the article may be unpublished again.
        if article.is_published:
            return keep_private(redirect(article))
        if link.status == LinkStatus.EXPIRED:
            return link_gone(request, link)
        self.object = article
        context = self.get_context_data(object=article, share_link=link)
        return self.render_to_response(context)

    def render_to_response(self, context, **response_kwargs):
        return keep_private(super().render_to_response(context, **response_kwargs))
