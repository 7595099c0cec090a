import functools
from collections.abc import Iterable
from datetime import datetime
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from articles.detail_rows import registered_rows
from articles.json_rows import JSONRows, json_datetime, rows
from articles.sanitize import anchor_headings, sanitize_html
from images import processing as image_processing
from images.models import validate_image_upload
from images.uses import record_image_uses
from newsroom.paths import path
from newsroom.text import plain_text
from redirects.models import Redirect

WORDS_PER_MINUTE = 230
# Related articles are ranked among this many newest articles sharing a tag.
RELATED_CANDIDATES = 300
# Above this many articles, a tag or author page walks the newest articles rather
# than sorting all of theirs (ArticleQuerySet.member_of()).
MANY_MEMBERS = 1000
# Author pages show photos at 96 pixels; this keeps room for sharper screens.
PHOTO_MAX_SIDE = 800


def minutes_to_read(text: str) -> int:
    """The "min read" of a body's plain text (plain_text()): at least one."""
    return max(1, round(len(text.split()) / WORDS_PER_MINUTE))


class Section(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The last part of the section's address, e.g. /section/guides/.",
    )
    description = models.TextField(
        blank=True,
        help_text="One or two sentences shown at the top of the section page.",
    )
    order = models.PositiveIntegerField(
        default=0, help_text="Sections are listed in the navigation from low to high."
    )
    # When an editor last saved it: a stale form is refused (newsroom/edit_conflict.py).
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("order", "name")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return path("articles:section", self.slug)


class Author(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="The last part of the author's page address, e.g. /author/maya-okafor/.",
    )
    bio = models.TextField(
        blank=True, help_text="Plain text, two or three sentences, shown on their page."
    )
    # Checked and re-encoded like library images (clean(), save()): no metadata.
    photo = models.ImageField(upload_to="authors/", blank=True)
    profile_url = models.URLField(
        blank=True, help_text="Optional link to the author's own site or profile."
    )
    # When an editor last saved it: a stale form is refused (newsroom/edit_conflict.py).
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name",)

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.photo and not self.photo._committed:
            data, extension = image_processing.clean_copy(
                self.photo.file, max_side=PHOTO_MAX_SIDE
            )
            stem = PurePosixPath(self.photo.name).stem or "photo"
            self.photo.save(stem + extension, ContentFile(data), save=False)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return path("articles:author", self.slug)

    def clean(self):
        if self.photo and not self.photo._committed:
            try:
                validate_image_upload(self.photo)
            except ValidationError as error:
                raise ValidationError({"photo": error.messages}) from error


class Kind(models.TextChoices):
    NEWS = "news", "News"
    EXPLAINER = "explainer", "Explainer"
    GUIDE = "guide", "Guide"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


class ArticleQuerySet(models.QuerySet):
    def published(self, at: datetime | None = None) -> "ArticleQuerySet":
        """The one rule for what readers may see: published, and its time has come.

        at: the time that has come (now unless given: PreparedQuery passes it).
        """
        return self.filter(
            status=Status.PUBLISHED, published_at__lte=at or timezone.now()
        )

    def visible_to(self, user) -> "ArticleQuerySet":
        """What user may open: editors everything, writers also their own pieces."""
        if not user.is_authenticated:
            # Readers hold no permissions: skip asking every auth backend.
            return self.published()
        if user.has_perm("articles.publish_article"):
            return self.all()
        if user.has_perm("articles.change_article"):
            return self.published() | self.filter(created_by=user.pk)
        return self.published()

    def in_section(self, section: Section) -> "ArticleQuerySet":
        return self.filter(section=section)

    def of_kind(self, kind: str) -> "ArticleQuerySet":
        return self.filter(kind=kind)

    def by_author(self, author: Author) -> "ArticleQuerySet":
        return self.member_of(Byline.objects.filter(author=author), "article")

    def tagged(self, tag: Tag) -> "ArticleQuerySet":
        # By the tag's id, not its slug: PostgreSQL's statistics then know how
        # many articles this tag has, and plan for it.
        items = TaggedItem.objects.filter(
            content_type__app_label="articles",
            content_type__model="article",
            tag=tag,
        )
        return self.member_of(items, "object_id")

    def member_of(self, rows: models.QuerySet, column: str) -> "ArticleQuerySet":
        """Articles that rows name in column (a byline's article, a tag's object_id).

        A page of a few members is found from their rows and sorted; a page of
        many by walking the newest articles (the list indexes) and probing each
        for membership, which stops at a page. Which one: one query that counts
        up to MANY_MEMBERS rows, so it costs the same at any size. Neither joins
        and DISTINCTs, which sorts every member before cutting a page.
        """
        # Unordered: Byline's ordering would sort every row before the LIMIT.
        if rows.order_by()[:MANY_MEMBERS].count() < MANY_MEMBERS:
            return self.filter(pk__in=rows.values(column))
        return self.filter(Exists(rows.filter(**{column: OuterRef("pk")})))

    def newest_first(self) -> "ArticleQuerySet":
        """Newest first, in the order of the reader-list indexes (Meta.indexes).

        For published() rows only: the model's ordering puts undated drafts last,
        which no index of a list page needs.
        """
        return self.order_by("-published_at", "-pk")

    def with_bylines(self) -> "ArticleQuerySet":
        """Load section and authors (in byline order) in a fixed number of queries."""
        return self.select_related("section").prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def for_listing(self) -> "ArticleQuerySet":
        # Cards show neither body nor tags, so load neither; the hero in the same query.
        return (
            self.with_bylines().select_related("hero").defer("body", "body_html", "toc")
        )

    def related_to(
        self, article: "Article", exclude: Iterable[int] = ()
    ) -> "ArticleQuerySet":
        """Articles sharing the most tags with article, then the newest.

        exclude holds the pks of articles to leave out (article itself always is).
        """
        # Read with the article by for_detail(), so no query for them.
        tag_ids = [tag.pk for tag in article.tag_list]
        return self.sharing_tags(tag_ids, exclude=[article.pk, *exclude])

    def sharing_tags(
        self, tag_ids: list[int], exclude: list[int], content_type: int | None = None
    ) -> "ArticleQuerySet":
        """Articles carrying the most of tag_ids, then the newest; none in exclude.

        Candidates are the newest RELATED_CANDIDATES articles carrying any of the
        tags, found through the tag rows' index, so the query reads a few hundred
        rows however many articles the site has. content_type: Article's content
        type id (looked up unless given).
        """
        if content_type is None:
            content_type = ContentType.objects.get_for_model(Article).pk
        candidates = (
            TaggedItem.objects.filter(content_type=content_type, tag_id__in=tag_ids)
            .exclude(object_id__in=exclude)
            .order_by("-object_id")
            .values("object_id")[:RELATED_CANDIDATES]
        )
        return (
            # The filter comes before annotate() so that Count() reuses its join
            # and counts only the shared tags, one row per article.
            self.filter(pk__in=candidates, tags__in=tag_ids)
            .annotate(shared_tags=Count("tags"))
            .order_by("-shared_tags", "-published_at", "-pk")
            .select_related("section")
            .only("title", "slug", "published_at", "section__name", "section__slug")
        )

    def for_detail(self) -> "ArticleQuerySet":
        """The article page's article, in one query however much is on it.

        With its section and hero, and as JSON rows its bylines, tags and see-also
        links: read them through byline_authors, tag_list and visible_links.
        """
        return self.select_related("section", "hero").annotate(**_detail_rows())


@functools.cache
def _detail_rows() -> dict[str, JSONRows]:
    """for_detail()'s lists, built once: they depend on no request, not even the time.

    Building them costs more than running them; see-also links are therefore read
    whatever their target's state and filtered by SeeAlsoLink.hidden_reason.
    """
    article = OuterRef("pk")
    return {
        "byline_rows": JSONRows(
            Byline.objects.filter(article=article),
            pk="pk",
            position="position",
            author="author_id",
            name="author__name",
            slug="author__slug",
        ),
        "tag_rows": JSONRows(
            TaggedItem.objects.filter(
                content_type__app_label="articles",
                content_type__model="article",
                object_id=article,
            ),
            pk="pk",
            tag="tag_id",
            name="tag__name",
            slug="tag__slug",
        ),
        "link_rows": JSONRows(
            SeeAlsoLink.objects.filter(article=article),
            pk="pk",
            position="position",
            kind="kind",
            url="url",
            label="label",
            description="description",
            article="target_article_id",
            article_title="target_article__title",
            article_slug="target_article__slug",
            article_status="target_article__status",
            article_published_at="target_article__published_at",
            section="target_section_id",
            section_name="target_section__name",
            section_slug="target_section__slug",
        ),
        **registered_rows(article),
    }


class Article(models.Model):
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.NEWS,
        help_text="News is short and dated; explainers and guides need an “In short” summary.",
    )
    title = models.CharField(max_length=200, help_text="The headline readers see.")
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The last part of the article's address, e.g. /articles/is-claude-secure/. Filled in from the title.",
    )
    summary = models.TextField(
        "In short",
        blank=True,
        help_text=(
            "Two or three plain sentences shown in a box above the body. "
            "Required for explainers and guides."
        ),
    )
    body = models.TextField(
        blank=True,
        help_text=(
            "HTML. Use h2 for sections (they make the table of contents), h3-h4 below "
            "them. Scripts, styles and unknown tags are removed when you save."
        ),
    )
    body_html = models.TextField(blank=True, editable=False)
    toc = models.JSONField(default=list, blank=True, editable=False)
    # Derived from body_html in save(), like it: the page shows it on every request.
    reading_minutes = models.PositiveIntegerField(default=1, editable=False)
    hero = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="hero image",
        help_text=(
            "Shown at the top of the article, on cards and in link previews. Type to "
            "search the image library; its alt text, caption and credit come with it."
        ),
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="articles"
    )
    authors = models.ManyToManyField(
        Author, through="Byline", related_name="articles", blank=True
    )
    tags = TaggableManager(
        blank=True, help_text="Comma-separated. Readers can browse every tag."
    )
    # The rows behind `tags`, so revisions can keep them (history/revisions.py).
    # A GenericRelation has no column: no migration.
    tagged_items = GenericRelation(TaggedItem)
    # Library images the body shows; deleting the article deletes these rows.
    image_uses = GenericRelation("images.ImageUse")
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Drafts are visible only to staff, through the article's own address.",
    )
    published_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        db_index=True,
        help_text=(
            "The article goes live at this time. A future time schedules it; "
            "leave empty while drafting (publishing fills in “now”)."
        ),
    )
    meta_description = models.CharField(
        max_length=300,
        blank=True,
        help_text="For search engines and link previews. Leave empty to use the summary.",
    )
    review_comment = models.TextField(
        "editor's note",
        blank=True,
        help_text="From the editor to the writer when a piece is sent back. Readers never see it.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Every save; for the admin and sitemaps. Readers see revised_at instead.
    updated_at = models.DateTimeField(auto_now=True)
    # Set only by an update or correction note, so fixing a typo changes no date.
    revised_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = (
        ArticleQuerySet.as_manager()
    )  # Unfiltered on purpose: the admin lists drafts.

    class Meta:
        # Undated drafts last on every database (PostgreSQL puts NULLs first).
        ordering = (F("published_at").desc(nulls_last=True), "-pk")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_needs_date",
            )
        ]
        # Reader lists: published() filters status and published_at, newest_first()
        # orders by published_at and pk; each list walks its index and stops at a page.
        indexes = [
            models.Index(
                fields=("status", "-published_at", "-id"), name="article_list_home"
            ),
            models.Index(
                fields=("section", "status", "-published_at", "-id"),
                name="article_list_section",
            ),
            models.Index(
                fields=("kind", "status", "-published_at", "-id"),
                name="article_list_kind",
            ),
            # The sitemap index's lastmod: the latest of each, found at the end of
            # its index (syndication/sitemaps.py).
            models.Index(fields=("updated_at",), name="article_updated_at"),
            models.Index(fields=("revised_at",), name="article_revised_at"),
        ]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html, self.toc = anchor_headings(sanitize_html(self.body))
        self.reading_minutes = minutes_to_read(plain_text(self.body_html))
        stored = self.stored_for_redirects(kwargs.get("update_fields"))
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)
            if stored is not None:
                self.update_redirects(stored)
            record_image_uses(self, self.body_html)

    def get_absolute_url(self):
        return path("articles:detail", self.slug)

    def clean(self):
        # What stops publishing (a summary for explainers...) is not checked here, on
        # every save, but by the publishing service: articles/blockers.py.
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def is_published(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return self.status == Status.PUBLISHED and not self.is_published

    @property
    def byline_authors(self) -> list[Author]:
        """Authors in byline order (from for_detail() or with_bylines(), no query)."""
        if hasattr(self, "byline_rows"):
            return self._from_rows("byline_rows", ("position", "pk"), _author)
        return [byline.author for byline in self.bylines.all()]

    @property
    def tag_list(self) -> list[Tag]:
        """Tags, oldest tag first: a fixed order (from for_detail(), no query)."""
        if hasattr(self, "tag_rows"):
            return self._from_rows("tag_rows", ("tag",), _tag)
        return list(self.tags.order_by("pk"))

    @property
    def visible_links(self) -> list["SeeAlsoLink"]:
        """The see-also links readers see, in order (from for_detail(), no query)."""
        if hasattr(self, "link_rows"):
            links = self._from_rows("link_rows", ("position", "pk"), self._link)
            return [link for link in links if not link.hidden_reason]
        return list(self.see_also_links.visible())

    def _from_rows(self, name: str, order: tuple[str, ...], build) -> list:
        """Objects built once from for_detail()'s JSON rows in attribute name."""
        built = self.__dict__.setdefault("_built_rows", {})
        if name not in built:
            built[name] = [build(row) for row in rows(getattr(self, name), *order)]
        return built[name]

    def rows_of(self, name: str, build, *order: str) -> list | None:
        """build(row) for each row registered as name (detail_rows.py), sorted by
        the keys in order; None unless for_detail() read this article."""
        if not hasattr(self, name):
            return None
        return self._from_rows(name, order, build)

    def _link(self, row: dict) -> "SeeAlsoLink":
        target_article = target_section = None
        if row["article"] is not None:
            target_article = Article(
                pk=row["article"],
                title=row["article_title"],
                slug=row["article_slug"],
                status=row["article_status"],
                published_at=json_datetime(row["article_published_at"]),
            )
        if row["section"] is not None:
            target_section = Section(
                pk=row["section"], name=row["section_name"], slug=row["section_slug"]
            )
        return SeeAlsoLink(
            pk=row["pk"],
            article=self,
            position=row["position"],
            kind=row["kind"],
            url=row["url"],
            label=row["label"],
            description=row["description"],
            target_article=target_article,
            target_section=target_section,
        )

    @cached_property
    def description(self) -> str:
        """Meta description: the editor's, else the summary, else the body's start.

        Remembered: a page shows it three times (meta, Open Graph, JSON-LD).
        """
        # Plain text, entities decoded: each output escapes it once for its format.
        return Truncator(self.description_source()[1]).chars(160)

    def description_source(self, body_html: str | None = None) -> tuple[str, str]:
        """Which text the description comes from, and all of it, on one line.

        The one fallback: the meta description, else the summary, else the body.
        body_html stands in for self.body_html, which save() derives, when checking
        an article as typed in a form.
        """
        if self.meta_description:
            return "meta description", " ".join(self.meta_description.split())
        if self.summary:
            return "summary", " ".join(self.summary.split())
        html = self.body_html if body_html is None else body_html
        return "body", plain_text(html)

    @property
    def modified_at(self):
        """When readers were last told the article changed: dateModified."""
        # A republished article may have an older note: take the later date.
        dates = [date for date in (self.revised_at, self.published_at) if date]
        return max(dates, default=None)

    @property
    def was_updated(self) -> bool:
        """True once an update or correction note has changed the article."""
        return bool(
            self.revised_at
            and self.published_at
            and self.revised_at > self.published_at
        )

    def stored_for_redirects(self, update_fields=None) -> "Article | None":
        """The article as stored, before a save that may move or publish it.

        One query, for an article already saved; a new one is compared with an
        empty article. None when the save can't change the slug or status.
        """
        if update_fields is not None and not {"slug", "status"} & set(update_fields):
            return None
        if self._state.adding:
            return Article()
        fields = ("slug", "status", "published_at")
        return Article.objects.only(*fields).filter(pk=self.pk).first() or Article()

    def update_redirects(self, stored: "Article") -> None:
        """Keep readers' links working when this article's address changes.

        If it was live, its old address now redirects here; drafts and scheduled
        articles had no readers to link them. A redirect from the address it takes
        as it is published or scheduled goes: it would shadow it, or loop.
        """
        if stored.slug != self.slug and stored.is_published:
            Redirect.record_move(
                old_path=stored.get_absolute_url(), new_path=self.get_absolute_url()
            )
        elif self.status == Status.PUBLISHED and (
            stored.slug != self.slug or stored.status != Status.PUBLISHED
        ):
            Redirect.objects.filter(old_path=self.get_absolute_url()).delete()


def _author(row: dict) -> Author:
    return Author(pk=row["author"], name=row["name"], slug=row["slug"])


def _tag(row: dict) -> Tag:
    return Tag(pk=row["tag"], name=row["name"], slug=row["slug"])


class Byline(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("position", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("article", "author"), name="one_byline_per_author"
            )
        ]
        # An author's page finds their articles from this index alone.
        indexes = [models.Index(fields=("author", "article"), name="byline_author")]

    def __str__(self):
        return f"{self.author} on {self.article}"


class LinkKind(models.TextChoices):
    ARTICLE = "article", "Another article"
    SECTION = "section", "A section page"
    NEWS = "news", "The latest news page"
    EXTERNAL = "external", "An external web address"


class SeeAlsoLinkQuerySet(models.QuerySet):
    def visible(self) -> "SeeAlsoLinkQuerySet":
        """Links readers may see: an internal target must pass published()."""
        return (
            self.filter(
                Q(kind=LinkKind.ARTICLE, target_article__in=Article.objects.published())
                | Q(kind=LinkKind.SECTION, target_section__isnull=False)
                | Q(kind=LinkKind.NEWS)
                | (Q(kind=LinkKind.EXTERNAL) & ~Q(url=""))
            )
            .select_related("target_article", "target_section")
            # A link needs its target's title and address, not its body.
            .defer(
                "target_article__body",
                "target_article__body_html",
                "target_article__toc",
            )
        )


class SeeAlsoLink(models.Model):
    """A curated "See also" link at the foot of an article."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="see_also_links"
    )
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(
        "points to",
        max_length=20,
        choices=LinkKind.choices,
        default=LinkKind.ARTICLE,
        help_text=(
            "Another article: pick it below; the link follows it if its address "
            "changes and hides while it is unpublished. A section: pick the section. "
            "The latest news page: nothing else to fill in. External: paste the URL."
        ),
    )
    target_article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="article",
    )
    target_section = models.ForeignKey(
        Section,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="section",
    )
    url = models.URLField(
        "external URL", max_length=500, blank=True, help_text="https://…"
    )
    label = models.CharField(
        max_length=200,
        blank=True,
        help_text="Link text. Leave empty to use the article's or section's current title.",
    )
    description = models.CharField(
        max_length=200, blank=True, help_text="Optional: one line under the link."
    )

    objects = SeeAlsoLinkQuerySet.as_manager()

    class Meta:
        ordering = ("position", "pk")
        verbose_name = "see also link"

    def __str__(self):
        return self.text or f"{self.get_kind_display()} link"

    def clean(self):
        needed = {
            LinkKind.ARTICLE: ("target_article", "Pick the article to link to."),
            LinkKind.SECTION: ("target_section", "Pick the section to link to."),
            LinkKind.EXTERNAL: ("url", "Paste the web address to link to."),
        }.get(self.kind)
        if needed and not getattr(self, needed[0]):
            raise ValidationError({needed[0]: needed[1]})
        if self.kind == LinkKind.EXTERNAL and not self.label.strip():
            raise ValidationError({"label": "External links need link text."})
        if self.kind == LinkKind.ARTICLE and self.target_article_id == self.article_id:
            raise ValidationError(
                {"target_article": "An article cannot link to itself."}
            )
        # Keep only the chosen kind's target, so the row shows where the link goes.
        if self.kind != LinkKind.ARTICLE:
            self.target_article = None
        if self.kind != LinkKind.SECTION:
            self.target_section = None
        if self.kind != LinkKind.EXTERNAL:
            self.url = ""

    @property
    def href(self) -> str:
        if self.kind == LinkKind.ARTICLE and self.target_article:
            return self.target_article.get_absolute_url()
        if self.kind == LinkKind.SECTION and self.target_section:
            return self.target_section.get_absolute_url()
        if self.kind == LinkKind.NEWS:
            return reverse("articles:news")
        return self.url

    @property
    def text(self) -> str:
        """The editor's label, else the target's current title."""
        if self.label:
            return self.label
        if self.kind == LinkKind.ARTICLE and self.target_article:
            return self.target_article.title
        if self.kind == LinkKind.SECTION and self.target_section:
            return self.target_section.name
        if self.kind == LinkKind.NEWS:
            return "Latest news"
        return self.url

    @property
    def is_external(self) -> bool:
        return self.kind == LinkKind.EXTERNAL

    @property
    def hidden_reason(self) -> str:
        """Why readers don't see this link, for the admin; empty when they do."""
        if self.kind == LinkKind.ARTICLE:
            target = self.target_article
            if target is None:
                return "Hidden: the article it pointed to was deleted."
            if target.status != Status.PUBLISHED:
                return "Hidden: the article is a draft."
            if not target.is_published:
                return "Hidden until the article is published (scheduled)."
        if self.kind == LinkKind.SECTION and self.target_section is None:
            return "Hidden: the section it pointed to was deleted."
        if self.kind == LinkKind.EXTERNAL and not self.url:
            return "Hidden: it has no web address."
        return ""
