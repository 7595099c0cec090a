from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from articles.detail_rows import page_context
from articles.models import Article, Author, Kind, LinkKind, Section
from articles.page_queries import READER_ARTICLE, related_articles
from articles.paging import NewerOlderPaginator
from newsroom.cache_tags import add_cache_tags, article_tags


class ListingTags:
    """Names the listing and the articles on this page for caches (cache_tags.py)."""

    def listing_tags(self) -> list[str]:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        add_cache_tags(
            self.request, *self.listing_tags(), *article_tags(context["object_list"])
        )
        return context


class ArticleListView(ListingTags, ListView):
    paginate_by = 20
    paginator_class = NewerOlderPaginator

    def listing_tags(self):
        return ["list-home"]

    def get_queryset(self):
        return Article.objects.published().newest_first().for_listing()


class NewsListView(ListingTags, ListView):
    """The live news feed: news items only, newest first."""

    paginate_by = 20
    paginator_class = NewerOlderPaginator
    template_name = "articles/news_list.html"

    def listing_tags(self):
        return ["list-news"]

    def get_queryset(self):
        return (
            Article.objects.published().of_kind(Kind.NEWS).newest_first().for_listing()
        )


class SectionDetailView(ListingTags, ListView):
    """A section's page: its description, then its articles, newest first."""

    paginate_by = 20
    paginator_class = NewerOlderPaginator
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return (
            Article.objects.published()
            .in_section(self.section)
            .newest_first()
            .for_listing()
        )

    def listing_tags(self):
        return [f"section-{self.section.pk}"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section, current_section_slug=self.section.slug, **kwargs
        )


class TagDetailView(ListingTags, ListView):
    paginate_by = 20
    paginator_class = NewerOlderPaginator
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.published().tagged(self.tag).newest_first().for_listing()

    def listing_tags(self):
        return [f"tag-{self.tag.slug}"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorDetailView(ListingTags, ListView):
    paginate_by = 20
    paginator_class = NewerOlderPaginator
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return (
            Article.objects.published()
            .by_author(self.author)
            .newest_first()
            .for_listing()
        )

    def listing_tags(self):
        return [f"author-{self.author.pk}"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class ArticleDetailView(DetailView):
    def get_object(self, queryset=None):
        if self.request.user.is_authenticated:
            return super().get_object(queryset)
        # Readers: get_queryset()'s published() article, its SQL built once.
        article = READER_ARTICLE.first(slug=self.kwargs["slug"], now=timezone.now())
        if article is None:
            raise Http404("No article found matching the query")
        return article

    def get_queryset(self):
        # Editors preview any draft or scheduled piece; writers their own.
        return Article.objects.visible_to(self.request.user).for_detail()

    def get_context_data(self, **kwargs):
        article = self.object
        links = article.visible_links
        linked = [
            link.target_article_id for link in links if link.kind == LinkKind.ARTICLE
        ]
        related = related_articles(article, exclude=linked)
        add_cache_tags(
            self.request,
            f"article-{article.pk}",
            f"section-{article.section_id}",
            *(f"author-{author.pk}" for author in article.byline_authors),
            *(f"tag-{tag.slug}" for tag in article.tag_list),
            # Linked and related articles show by title: they change, it changes.
            *(f"article-{pk}" for pk in linked),
            *article_tags(related),
        )
        return super().get_context_data(
            current_section_slug=article.section.slug,
            see_also_links=links,
            related_articles=related,
            **page_context(article),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response
