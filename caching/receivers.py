"""When content changes, clear the pages that show it: the receivers.

The publishing service's content_changed names what a transition touched. The
rest of what readers see is saved outside it (site settings, sections, authors,
tags, FAQ entries, corrections, images and article rows saved directly), so their
saves and deletes clear their pages here, once the transaction commits: never for
a change that was rolled back, and never before readers can see it. Redirects
answer only missing pages, which no cache keeps for long (caching/policy.py).
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from taggit.models import Tag

from articles.models import Article, Author, Section, Status
from articles.publishing import content_changed
from caching import schedule
from caching.invalidation import (
    article_footprint_tags,
    change_tags,
    invalidate,
    own_pages,
)
from corrections.models import Note
from faq.models import ArticleEntry, Entry, Topic
from images.models import Image
from siteconfig.models import SiteSettings

logger = logging.getLogger(__name__)
UID = "caching"
FEEDS_AND_SITEMAPS = {"list-feeds", "list-sitemaps"}


def connect() -> None:
    content_changed.connect(on_content_changed, dispatch_uid=UID)
    post_save.connect(on_article_saved, sender=Article, dispatch_uid=UID)
    pre_delete.connect(on_article_deleting, sender=Article, dispatch_uid=UID)
    # Navigation lists every section on every page.
    for model in (SiteSettings, Section):
        _clear_on_change(model, lambda instance: {"site"})
    _clear_on_change(Author, _author_tags, before_delete=True)
    pre_save.connect(on_tag_saving, sender=Tag, dispatch_uid=UID)
    _clear_on_change(Tag, _tag_tags, before_delete=True)
    _clear_on_change(Entry, _entry_tags, before_delete=True)
    _clear_on_change(Topic, lambda topic: {"faq"})
    _clear_on_change(ArticleEntry, lambda row: {f"article-{row.article_id}"})
    _clear_on_change(Note, _note_tags)
    # Its alt text, caption and credit show wherever it is an article's hero.
    _clear_on_change(Image, _image_tags, before_delete=True)


def invalidate_safely(tags: set[str], article_ids=()) -> None:
    """invalidate(), but a cache that is down never fails the change it follows.

    The front cache also drops the own address of each of article_ids.
    """
    try:
        invalidate(tags, own_pages(article_ids) if article_ids else ())
    except Exception:
        logger.exception("Could not clear cached pages tagged %s", sorted(tags))


def invalidate_on_commit(tags: set[str]) -> None:
    transaction.on_commit(lambda: invalidate_safely(tags))


def on_content_changed(sender, change, **kwargs):
    # Sent after the commit already; scheduling changes the next publish time.
    schedule.forget_next_scheduled()
    invalidate_safely(change_tags(change), change.article_ids)


def on_article_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # For the rest of this transaction, then from the committed rows.
    schedule.remember_next_scheduled()
    transaction.on_commit(schedule.forget_next_scheduled)
    if instance.is_scheduled:
        # Pages kept now would outlive its publish time: they go, and the next
        # ones are kept only until then (caching/schedule.py).
        invalidate_on_commit(article_footprint_tags(instance))


def on_article_deleting(sender, instance, **kwargs):
    live_or_scheduled = instance.status == Status.PUBLISHED
    tags = (
        article_footprint_tags(instance)
        if live_or_scheduled
        else {f"article-{instance.pk}"}
    )
    transaction.on_commit(schedule.forget_next_scheduled)
    invalidate_on_commit(tags)


def _entry_tags(entry) -> set[str]:
    # Every article it is placed on: shown there once published, gone if hidden.
    articles = entry.article_links.values_list("article_id", flat=True)
    return {"faq", f"faq-{entry.pk}", *(f"article-{pk}" for pk in articles)}


def _note_tags(note) -> set[str]:
    # A note moves the article's revised_at: "updated" in every feed that lists
    # it (all carry list-feeds, section, tag and author feeds too), "lastmod" in
    # the sitemaps.
    return {"corrections", f"article-{note.article_id}", *FEEDS_AND_SITEMAPS}


def _image_tags(image) -> set[str]:
    articles = Article.objects.filter(hero=image).values_list("pk", flat=True)
    tags = {f"article-{pk}" for pk in articles}
    # A hero is the feeds' enclosure and the sitemaps' image entry.
    return tags | FEEDS_AND_SITEMAPS if tags else tags


def _author_tags(author) -> set[str]:
    articles = Article.objects.filter(bylines__author=author).values_list("pk")
    return _named_on_listings(f"author-{author.pk}", articles)


def on_tag_saving(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        instance._slug_before = (
            Tag.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


def _tag_tags(tag) -> set[str]:
    articles = Article.objects.filter(tags=tag).values_list("pk")
    tags = _named_on_listings(f"tag-{tag.slug}", articles)
    if before := getattr(tag, "_slug_before", None):
        tags.add(f"tag-{before}")
    return tags


def _named_on_listings(tag: str, articles) -> set[str]:
    """A name shown on the articles' cards, feeds and sitemaps, and its own page."""
    return {
        tag,
        "list-feeds",
        "list-sitemaps",
        *(f"article-{pk}" for (pk,) in articles),
    }


def _clear_on_change(model, tags_of, *, before_delete: bool = False) -> None:
    """Clear tags_of(instance) after each save and delete of model commits.

    before_delete: work the tags out before the row goes (they query its rows).
    """

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            invalidate_on_commit(tags_of(instance))

    def deleted(sender, instance, **kwargs):
        invalidate_on_commit(tags_of(instance))

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=UID)
    delete_signal = pre_delete if before_delete else post_delete
    delete_signal.connect(deleted, sender=model, weak=False, dispatch_uid=UID)
