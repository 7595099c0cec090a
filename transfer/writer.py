"""Write one imported article onto the site, in one transaction, through the
publishing service: what every importer calls (records.py says what it hands in)."""

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from articles import publishing
from articles.models import Article, Kind, Status
from articles.publishing import PublishingRefused
from history.revisions import keep_revision
from transfer import parts
from transfer.errors import ItemError
from transfer.images import content_hash, import_image
from transfer.models import ImportedItem
from transfer.records import ImportedArticle

STATUSES = ("draft", "review", "published", "scheduled")


@dataclass
class Outcome:
    action: str  # "created" | "updated" | "unchanged" | "skipped" | "failed"
    kind: str  # "article" | "page" | "image" | ... (report rows)
    label: str  # "#<source_id> <title>"
    reason: str = ""  # why skipped / failed / came in as draft
    article: Article | None = None
    # Slugs of see-also targets not on the site yet: write the item again once
    # they are (import_markdown does, after the other files).
    waiting_for: tuple[str, ...] = ()


def write_article(
    item: ImportedArticle, *, user, as_drafts=False, dry_run=False
) -> Outcome:
    """Create or update the article item describes; failed, changing nothing, if
    any part of it can't be written.

    as_drafts: a new article stays a draft whatever item.status says (an article
    imported before keeps its state). dry_run: what would happen, nothing written.
    """
    try:
        with transaction.atomic():
            outcome = _write(item, user=user, as_drafts=as_drafts, dry_run=dry_run)
            if dry_run:
                transaction.set_rollback(True)
        return outcome
    except ItemError as error:
        return Outcome("failed", "article", item.label, str(error))
    except Exception as error:  # One broken item must not stop the others.
        return Outcome("failed", "article", item.label, describe_error(error))


def describe_error(error: Exception) -> str:
    messages = getattr(error, "messages", None)
    text = " ".join(messages) if messages else str(error)
    return f"{type(error).__name__}: {text}"


def fingerprint(item: ImportedArticle, as_drafts: bool) -> str:
    """A hash of everything item would write, its hero file's bytes included."""
    data = asdict(item)
    if item.hero and item.hero.path.is_file():
        data["hero"]["path"] = content_hash(item.hero.path)
    data["as_drafts"] = as_drafts
    encoded = json.dumps(data, default=str, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()


def _check(item: ImportedArticle) -> None:
    problems = []
    if not item.title.strip():
        problems.append("it has no title")
    if not item.slug.strip():
        problems.append("it has no slug")
    if item.kind not in Kind.values:
        problems.append(f"kind “{item.kind}” is not one of {', '.join(Kind.values)}")
    if item.status not in STATUSES:
        problems.append(f"status “{item.status}” is not one of {', '.join(STATUSES)}")
    if item.published_at and timezone.is_naive(item.published_at):
        problems.append("its publish time has no time zone")
    if problems:
        raise ItemError("; ".join(problems).capitalize() + ".")


def _write(item: ImportedArticle, *, user, as_drafts: bool, dry_run: bool) -> Outcome:
    _check(item)
    imported = (
        ImportedItem.objects.filter(source=item.source, source_id=item.source_id)
        .select_related("article")
        .first()
    )
    article = imported.article if imported else None
    print_ = fingerprint(item, as_drafts)
    if imported and imported.fingerprint == print_:
        return Outcome("unchanged", "article", item.label, article=article)
    clash = Article.objects.filter(slug=item.slug)
    if article:
        clash = clash.exclude(pk=article.pk)
    if taken := clash.first():
        raise ItemError(
            f"The address /articles/{item.slug}/ is taken by “{taken.title}”, "
            "which this import did not make."
        )
    action = "updated" if article else "created"
    article = article or Article(created_by=user, status=Status.DRAFT)
    before = publishing.footprint(article) if article.pk else None
    _set_fields(article, item, dry_run=dry_run)
    # The editor's form checks these fields too (a slug of letters, digits, -).
    article.full_clean(validate_unique=False)
    article.save()

    parts.set_bylines(article, item.authors)
    parts.set_tags(article, item.tags)
    parts.set_faq(article, item.faq)
    links, notes, waiting = parts.see_also_links(article, item.see_also)
    article.see_also_links.all().delete()
    # Links publishing would refuse (to a draft, or to a piece that went live
    # after this one, as the exporting site may have) come after the transition:
    # the site shows them as it did, hidden while their target is not live.
    later = [
        link for link in links if not parts.passes_blockers(link, item.published_at)
    ]
    for link in links:
        if link not in later:
            link.save()
    # Its History page then says where this text came from.
    keep_revision(
        article, user, f"{action.capitalize()} by an import from {item.source}"
    )
    target = _target_status(item, article, as_drafts, is_new=action == "created")
    notes += _move(article, target, item.published_at, user=user, before=before)
    for link in later:
        link.save()
        if not link.target_article.is_published:
            notes.append(f"see also “{link.target_article.slug}” is hidden: not live")
    notes += parts.set_redirects(article, item.old_paths)
    ImportedItem.objects.update_or_create(
        source=item.source,
        source_id=item.source_id,
        # Written again once its links' targets exist, so not final yet.
        defaults={"article": article, "fingerprint": "" if waiting else print_},
    )
    article.refresh_from_db()
    return Outcome(
        action, "article", item.label, "; ".join(notes), article, tuple(waiting)
    )


def _set_fields(article: Article, item: ImportedArticle, *, dry_run: bool) -> None:
    article.title = item.title.strip()[:200]
    article.slug = item.slug.strip()
    article.kind = item.kind
    article.body = item.body
    article.summary = item.summary
    article.meta_description = item.meta_description[:300]
    article.section = parts.section_named(item.section)
    if article.status != Status.PUBLISHED or article.is_published:
        # A scheduled article's time moves only through schedule() below.
        article.published_at = item.published_at or article.published_at
    hero = import_image(item.hero, dry_run=dry_run) if item.hero else None
    # In a dry run a new image is not saved, so the article can't point to it.
    article.hero = hero if hero is None or hero.pk else None


def _target_status(item, article, as_drafts: bool, *, is_new: bool) -> str:
    if as_drafts:
        return "draft" if is_new else "keep"
    status = item.status
    if (
        status == "published"
        and item.published_at
        and item.published_at > timezone.now()
    ):
        return "scheduled"
    return status


def _move(
    article: Article, target: str, at: datetime | None, *, user, before
) -> list[str]:
    """Bring article to target state through the publishing service; notes."""
    try:
        if target == "keep" and article.status == Status.PUBLISHED:
            publishing.record_edit(article, user=user, before=before)
        elif target in ("draft", "review") and article.status == Status.PUBLISHED:
            publishing.unpublish(article, user=user)
        if target == "review" and article.status == Status.DRAFT:
            publishing.submit_for_review(article, user=user)
        elif target == "published" and not article.is_published:
            publishing.publish(article, user=user)
        elif target == "published":
            publishing.record_edit(article, user=user, before=before)
        elif target == "scheduled":
            publishing.schedule(article, user=user, at=at)
    except PublishingRefused as refused:
        if article.status == Status.PUBLISHED:
            # A live article that may no longer be live: readers stop seeing it.
            publishing.unpublish(article, user=user)
        problems = " ".join(problem.message for problem in refused.problems)
        return [f"came in as a draft: {problems}"]
    return []
