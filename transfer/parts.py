"""The rows around an imported article: section, bylines, tags, FAQ, see-also links
and redirects. Each function writes one kind and returns notes for the report."""

import re
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from articles.blockers import unpublished_target
from articles.models import (
    Article,
    Author,
    Byline,
    LinkKind,
    Section,
    SeeAlsoLink,
)
from faq.models import ArticleEntry, Entry, Topic
from redirects.models import Redirect, normalize_path

DEFAULT_SECTION = "Imported"
DEFAULT_TOPIC = "Imported questions"
_ARTICLE_PATH = re.compile(r"^/articles/([^/]+)/?$")
_SECTION_PATH = re.compile(r"^/section/([^/]+)/?$")


def unique_slug(model, base: str, max_length: int, field: str = "slug") -> str:
    """base, or base-2, base-3... whichever no row of model has."""
    base = (base or "item")[:max_length].strip("-") or "item"
    candidate, n = base, 2
    while model.objects.filter(**{field: candidate}).exists():
        suffix = f"-{n}"
        candidate, n = base[: max_length - len(suffix)] + suffix, n + 1
    return candidate


def section_named(name: str) -> Section:
    """The section of that name (any case), made if missing."""
    name = name.strip() or DEFAULT_SECTION
    if section := Section.objects.filter(name__iexact=name).first():
        return section
    section = Section(name=name, slug=unique_slug(Section, slugify(name), 80))
    section.full_clean()
    section.save()
    return section


def author_for(name: str, slug: str) -> Author:
    """The author with that slug, else that name (any case); made if missing."""
    if slug and (author := Author.objects.filter(slug=slug).first()):
        return author
    if not slug and (author := Author.objects.filter(name__iexact=name).first()):
        return author
    author = Author(
        name=name.strip()[:120] or slug,
        slug=slug or unique_slug(Author, slugify(name), 120),
    )
    author.full_clean()
    author.save()
    return author


def set_bylines(article: Article, authors: list[tuple[str, str]]) -> None:
    article.bylines.all().delete()
    seen = set()
    for name, slug in authors:
        author = author_for(name, slug)
        if author.pk not in seen:
            seen.add(author.pk)
            Byline.objects.create(article=article, author=author, position=len(seen))


def tag_named(name: str) -> Tag:
    """The tag of that name ignoring case, so "AI" and "ai" stay one tag."""
    if tag := Tag.objects.filter(name__iexact=name).order_by("pk").first():
        return tag
    return Tag.objects.create(name=name)


def set_tags(article: Article, names: list[str]) -> None:
    tags = {}
    for name in names:
        if name := " ".join(name.split())[:100]:
            tag = tag_named(name)
            tags[tag.pk] = tag
    article.tags.set(list(tags.values()), clear=True)


def set_faq(article: Article, faq: list[tuple[str, str]]) -> None:
    """Place entries with these questions on article, making missing ones."""
    article.faq_links.all().delete()
    placed = set()
    for position, (question, answer) in enumerate(faq):
        question = " ".join(question.split())[:300]
        entry = Entry.objects.filter(question=question).order_by("pk").first()
        if entry is None:
            entry = Entry(
                question=question,
                answer=answer,
                slug=unique_slug(Entry, slugify(question), 120),
                topic=default_topic(),
                is_published=True,
            )
            entry.full_clean()
            entry.save()
        elif answer and entry.answer != answer:
            entry.answer = answer
            entry.save()
        if entry.pk not in placed:
            placed.add(entry.pk)
            ArticleEntry.objects.create(article=article, entry=entry, position=position)


def default_topic() -> Topic:
    topic = Topic.objects.filter(name=DEFAULT_TOPIC).first()
    return topic or Topic.objects.create(
        name=DEFAULT_TOPIC, slug=unique_slug(Topic, slugify(DEFAULT_TOPIC), 120)
    )


def see_also_links(
    article: Article, see_also: list[tuple[str, ...]]
) -> tuple[list[SeeAlsoLink], list[str], list[str]]:
    """Unsaved links for see_also, notes on those left out, and the slugs of the
    articles links point to that are not on the site (yet)."""
    links, notes, missing = [], [], []
    for position, (target, label, *rest) in enumerate(see_also):
        link = SeeAlsoLink(
            article=article,
            position=position,
            label=label[:200],
            description=(rest[0] if rest else "")[:200],
        )
        parts = urlsplit(target.strip())
        path = parts.path
        if parts.scheme in ("http", "https"):
            link.kind, link.url = LinkKind.EXTERNAL, target.strip()
        elif path.rstrip("/") == "/news":
            link.kind = LinkKind.NEWS
        elif match := _SECTION_PATH.match(path):
            link.kind = LinkKind.SECTION
            link.target_section = Section.objects.filter(slug=match[1]).first()
            if link.target_section is None:
                notes.append(f"see also: no section “{match[1]}”, link left out")
                continue
        elif path.startswith("/") and not _ARTICLE_PATH.match(path):
            # Another page of this site: linked by its full address.
            link.kind, link.url = LinkKind.EXTERNAL, settings.SITE_URL + path
            link.label = link.label or path
        else:
            slug = _ARTICLE_PATH.match(path)[1] if path.startswith("/") else path
            link.kind = LinkKind.ARTICLE
            link.target_article = Article.objects.filter(slug=slug).first()
            if link.target_article is None:
                notes.append(f"see also: no article “{slug}” (yet)")
                missing.append(slug)
                continue
        try:
            link.full_clean(exclude=["article"])
        except ValidationError as error:
            notes.append(f"see also {target!r} left out: {' '.join(error.messages)}")
            continue
        links.append(link)
    return links, notes, missing


def passes_blockers(link: SeeAlsoLink, goes_live_at: datetime | None) -> bool:
    """Whether publishing at goes_live_at (None: now) accepts this link."""
    return not unpublished_target(link, goes_live_at or timezone.now())


def set_redirects(article: Article, old_paths: list[str]) -> list[str]:
    """Send each old address to article's; notes on the ones refused."""
    notes = []
    here = article.get_absolute_url()
    for old_path in old_paths:
        path = normalize_path(old_path)
        if path == here:
            continue
        redirect = Redirect.objects.filter(old_path=path).first()
        if redirect is None:
            redirect = Redirect(old_path=path, target=here)
        elif redirect.target != here:
            # An editor's, or another article's: an import takes none over.
            notes.append(
                f"no redirect from {path}: it already goes to {redirect.target}"
            )
            continue
        try:
            redirect.clean()
            redirect.save()
        except ValidationError as error:
            notes.append(f"no redirect from {path}: {' '.join(error.messages)}")
    return notes
