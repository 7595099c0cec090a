"""The article admin's revision history: keep, compare, restore (history/revisions.py).

Not reversion's VersionAdmin: its revert and recover pages bring back an old status,
so they could put an old version live. Here a restore always makes a draft. All of
it reaches the article admin through articles' registry, at the end of this module.
"""

from contextlib import contextmanager

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from reversion.errors import RevertError

from articles import publishing
from articles.admin_registry import article_admin_parts
from history import revisions
from newsroom.dates import editor_datetime


def revision_time(moment) -> str:
    """When a revision was kept, in local time: "14:02" today, else with its date."""
    moment = timezone.localtime(moment)
    if moment.date() == timezone.localdate():
        return formats.time_format(moment, "H:i")
    return editor_datetime(moment)


class ArticleHistoryViews:
    """The History, compare and restore pages of one article admin.

    What this class doesn't define (admin_site, opts, get_object(), the permission
    checks, log_change()) is the article admin's own.
    """

    def __init__(self, model_admin):
        self.model_admin = model_admin

    def __getattr__(self, name):
        return getattr(self.model_admin, name)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_pick_view),
                name="{}_{}_compare_pick".format(*info),
            ),
            path(
                "<path:object_id>/history/compare/<int:before_id>/<int:after_id>/",
                view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
        ]

    def _url(self, name, *args):
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}",
            args=args,
        )

    # History, compare and restore pages

    def _article_or_404(self, request, object_id, permission):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No such article.")
        if not permission(request, obj):
            raise PermissionDenied
        return obj

    def _version_or_404(self, obj, version_id):
        version = revisions.article_versions(obj.pk).filter(pk=version_id).first()
        if version is None:
            raise Http404("No such revision of this article.")
        return version

    def _page(self, request, obj, template, title, **context):
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request,
            f"history/{template}",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "object": obj,
                "title": title,
                "subtitle": str(obj),
                "history_url": self._url("history", quote(obj.pk)),
                **context,
            },
        )

    def history_context(self, request, obj):
        """The revisions table at the top of the History page (object_history.html)."""
        rows = []
        if obj is not None:
            versions = list(revisions.article_versions(obj.pk).defer("serialized_data"))
            can_restore = self.has_change_permission(request, obj)
            for index, version in enumerate(versions):
                previous = versions[index + 1] if index + 1 < len(versions) else None
                rows.append(
                    {
                        "version": version,
                        "revision": version.revision,
                        "when": revision_time(version.revision.date_created),
                        "is_latest": index == 0,
                        "changes_url": self._url(
                            "compare", quote(obj.pk), previous.pk, version.pk
                        )
                        if previous
                        else None,
                        "restore_url": self._url("restore", quote(obj.pk), version.pk)
                        if can_restore
                        else None,
                    }
                )
        return {
            "revisions": rows,
            "compare_url": self._url("compare_pick", quote(obj.pk)) if obj else None,
        }

    def compare_pick_view(self, request, object_id):
        """Where the History page's form goes: on to the two revisions picked."""
        obj = self._article_or_404(
            request, object_id, self.has_view_or_change_permission
        )
        try:
            picked = [int(request.GET[name]) for name in ("before", "after")]
        except (KeyError, ValueError):
            messages.warning(request, "Pick two revisions to compare.")
            return redirect(self._url("history", quote(obj.pk)))
        return redirect(self._url("compare", quote(obj.pk), *picked))

    def compare_view(self, request, object_id, before_id, after_id):
        obj = self._article_or_404(
            request, object_id, self.has_view_or_change_permission
        )
        before = self._version_or_404(obj, before_id)
        after = self._version_or_404(obj, after_id)
        # Whichever order they were picked in, the older one is "before".
        if (after.revision.date_created, after.pk) < (
            before.revision.date_created,
            before.pk,
        ):
            before, after = after, before
        diff = revisions.compare(
            revisions.snapshot_of_version(before), revisions.snapshot_of_version(after)
        )
        return self._page(
            request,
            obj,
            "revision_compare.html",
            "Compare revisions",
            before=before,
            after=after,
            diff=diff,
            before_label="Before",
            after_label="After",
        )

    def restore_view(self, request, object_id, version_id):
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        obj = self._article_or_404(request, object_id, self.has_change_permission)
        version = self._version_or_404(obj, version_id)
        if request.method == "POST":
            return self._restore(request, obj, version)
        diff = revisions.compare(
            revisions.snapshot_of_article(obj),
            revisions.restored_snapshot(obj, version),
        )
        return self._page(
            request,
            obj,
            "revision_restore.html",
            "Restore this revision?",
            version=version,
            diff=diff,
            before_label="Now",
            after_label="After restoring",
        )

    def _restore(self, request, obj, version):
        was_live = obj.is_published or obj.is_scheduled
        try:
            article, left_out = revisions.revision_restore(
                version=version, user=request.user
            )
        except (RevertError, publishing.PublishingRefused) as error:
            # Through the publishing service (revisions.revision_restore()).
            messages.error(request, str(error))
            return redirect(self._url("history", quote(obj.pk)))
        self.log_change(
            request,
            article,
            f"Restored the revision of {revisions.when(version)} as a draft.",
        )
        message = f"Restored the revision of {revisions.when(version)} as a draft."
        if was_live:
            message += " Readers can't see the article until it is published again."
        messages.success(request, message)
        if left_out:
            messages.warning(
                request,
                "Left out, because what they pointed to was deleted since: "
                + "; ".join(left_out)
                + ".",
            )
        return redirect(self._url("change", quote(article.pk)))


# Keeping revisions


@contextmanager
def revision_of_the_save(model_admin, request):
    """Around each POST of the article form: one revision, by the editor saving."""
    # Nothing is added on save: keep_saved_article() adds the article once its
    # inlines are saved too, so the revision holds them as saved.
    with reversion.create_revision(manage_manually=True):
        reversion.set_user(request.user)
        yield


def keep_saved_article(model_admin, request, obj, entry):
    """Put the article, as logged, in the revision the form's POST opened."""
    # Only the change form's POST opens a revision; other log entries keep none.
    if reversion.is_active():
        reversion.add_to_revision(obj)
        reversion.set_comment(entry.get_change_message())


def history_urls(model_admin):
    return ArticleHistoryViews(model_admin).get_urls()


def history_context(model_admin, request, obj):
    return ArticleHistoryViews(model_admin).history_context(request, obj)


article_admin_parts.add_save_context(revision_of_the_save)
article_admin_parts.add_change_listener(keep_saved_article)
article_admin_parts.add_urls(history_urls)
article_admin_parts.set_history_page("history/object_history.html", history_context)
