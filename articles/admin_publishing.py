"""The article admin's publishing: the change form's buttons and the list actions.

Both only call the publishing service (articles/publishing.py). The change form saves
the typed content and makes the transition in one transaction: when the service
refuses, nothing is saved, the typed changes included, and the form comes back with
every reason as an error and the text as typed.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.blockers import Problem
from articles.models import Article, Status
from articles.publishing import (
    PUBLISH,
    SCHEDULE,
    SEND_BACK,
    SUBMIT,
    UNPUBLISH,
    PublishingRefused,
)
from newsroom.dates import editor_datetime

TRANSITION_FIELD = "_transition"
BUTTON_LABELS = {
    SUBMIT: "Submit for review",
    PUBLISH: "Publish",
    SCHEDULE: "Schedule",
    UNPUBLISH: "Unpublish",
    SEND_BACK: "Send back",
}
REFUSED = {
    SUBMIT: "Not submitted",
    PUBLISH: "Not published",
    SCHEDULE: "Not scheduled",
    UNPUBLISH: "Not unpublished",
    SEND_BACK: "Not sent back",
}
_REFUSAL_FLAG = "_newsroom_publishing_refused"
# Where the stored article appeared before the form saved over it (record_edit()).
_FOOTPRINT_BEFORE = "_newsroom_footprint_before"


def articles_count(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def refusal_lead(transition: str) -> str:
    """The first form error after a refusal: what happened to the typed changes."""
    if transition in REFUSED:
        return (
            f"{REFUSED[transition]}, and nothing was saved, your changes included "
            "(they are below): fix what is listed, or save without "
            f"“{BUTTON_LABELS[transition]}”."
        )
    return (
        "Not saved: this article is published or scheduled, and what is listed "
        "would stop it being published. Fix it, or unpublish the article first."
    )


class TransitionForm:
    """Mixed into the article form: checks the button pressed before anything saves.

    The admin sets transition (the button's value) and allowed (what this user may
    do in the article's state) on the class it makes for each request.
    """

    transition = ""
    allowed: tuple[str, ...] = ()
    may_publish = False
    refusal: PublishingRefused | None = None

    def clean(self):
        cleaned_data = super().clean()
        transition, at = self.transition, cleaned_data.get("published_at")
        if transition and transition not in self.allowed:
            label = BUTTON_LABELS.get(transition)
            if label and not self.may_publish and transition != SUBMIT:
                reason = f"Only editors can {label.lower()}: nothing was saved."
            else:
                reason = (
                    f"“{label or transition}” is not something you can do to this "
                    "article now: nothing was saved."
                )
            self.add_error(None, reason)
        elif transition == SCHEDULE and (at is None or at <= timezone.now()):
            self.add_error(
                "published_at", "To schedule, set a publish time in the future."
            )
        elif transition == PUBLISH and at and at > timezone.now():
            self.add_error(
                "published_at",
                "This time is in the future: choose “Schedule”, or clear it to "
                "publish now.",
            )
        elif not transition and "published_at" in self.fields:
            self._refuse_moving_across_now(at)
        if self.refusal is not None:
            self.add_error(None, refusal_lead(transition))
            for problem in self.refusal.problems:
                field = problem.field if problem.field in self.fields else None
                self.add_error(field, problem.message)
        return cleaned_data

    def _refuse_moving_across_now(self, at):
        # A plain save keeps the state: going live or off is a button's job.
        stored = self.instance
        if stored.status != Status.PUBLISHED or at is None:
            return
        now = timezone.now()
        if stored.is_published and at > now:
            self.add_error(
                "published_at",
                "It is live: to move its publish time into the future, unpublish "
                "it, then schedule it.",
            )
        elif stored.is_scheduled and at <= now:
            self.add_error(
                "published_at",
                "It is scheduled: to put it live now, choose “Publish”.",
            )


class PublishingAdminMixin:
    """For ArticleAdmin (first among its bases): transition buttons and list actions."""

    def get_readonly_fields(self, request, obj=None):
        # Status changes only through the buttons below the form.
        return (*super().get_readonly_fields(request, obj), "status")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except PublishingRefused as refusal:
            # Raised inside the save's transaction, so everything was rolled back.
            if request.method != "POST" or hasattr(request, _REFUSAL_FLAG):
                raise
            setattr(request, _REFUSAL_FLAG, refusal)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        attrs = {
            "transition": request.POST.get(TRANSITION_FIELD, "")
            if request.method == "POST"
            else "",
            "allowed": tuple(self.transitions_for(request, obj)),
            "may_publish": publishing.may_publish(request.user),
            "refusal": getattr(request, _REFUSAL_FLAG, None),
        }
        return type(form.__name__, (TransitionForm, form), attrs)

    def transitions_for(self, request, obj) -> list[str]:
        """The buttons this user gets for obj (None: a new article)."""
        if obj is None:
            obj = Article(created_by=request.user, status=Status.DRAFT)
        return publishing.available_transitions(obj, request.user)

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        obj = context.get("original")
        if obj is None:
            may_edit = self.has_add_permission(request)
        else:
            may_edit = self.has_change_permission(request, obj)
        allowed = self.transitions_for(request, obj) if may_edit else []
        context["transition_buttons"] = [
            {"value": value, "label": BUTTON_LABELS[value]} for value in allowed
        ]
        draft = obj is None or obj.status == Status.DRAFT
        context["save_label"] = "Save draft" if draft else "Save"
        return super().render_change_form(request, context, add, change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            # Read now: its bylines and tags are saved over after this.
            stored = Article.objects.get(pk=obj.pk)
            setattr(request, _FOOTPRINT_BEFORE, publishing.footprint(stored))
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._after_save(request, obj) or super().response_change(request, obj)

    def _after_save(self, request, obj):
        """Make the transition the button asked for, inside the save's transaction."""
        transition = request.POST.get(TRANSITION_FIELD, "")
        if not transition:
            before = getattr(request, _FOOTPRINT_BEFORE, None)
            publishing.record_edit(obj, user=request.user, before=before)
            return None
        user = request.user
        if transition == SUBMIT:
            publishing.submit_for_review(obj, user=user)
            done = (
                "Submitted for review: an editor will publish it or send it back "
                "with a note."
            )
        elif transition == PUBLISH:
            publishing.publish(obj, user=user)
            address = request.build_absolute_uri(obj.get_absolute_url())
            done = f"Published; live at {address}"
        elif transition == SCHEDULE:
            publishing.schedule(obj, user=user, at=obj.published_at)
            when = editor_datetime(obj.published_at)
            done = f"Scheduled for {when}: it goes live then."
        elif transition == UNPUBLISH:
            publishing.unpublish(obj, user=user)
            done = "Unpublished: readers no longer see it."
        elif transition == SEND_BACK:
            publishing.send_back(obj, user=user, note=obj.review_comment)
            writer = obj.created_by.get_username() if obj.created_by else "the writer"
            done = f"Sent back to {writer} with your note."
        else:  # TransitionForm refuses it before this.
            raise PublishingRefused(obj, [Problem("Unknown action.")])
        messages.success(request, done)
        opts = self.opts
        return redirect(
            reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[quote(obj.pk)],
            )
        )

    # List actions: each article through the service, all or none.

    def run_action(self, request, queryset, *, done, skip, run):
        """Run run(article) on each article unless skip(article); all or none.

        If the service refuses any, every change rolls back and the message names
        each refused article with its reasons; done is the past participle for it.
        Returns (changed, skipped) counts, or None after a refusal.
        """
        changed, skipped, refused = 0, 0, []
        with transaction.atomic():
            for article in queryset:
                if skip(article):
                    skipped += 1
                    continue
                try:
                    run(article)
                except PublishingRefused as refusal:
                    refused.append(refusal)
                else:
                    changed += 1
            if refused:
                transaction.set_rollback(True)
        if refused:
            reasons = " ".join(str(refusal) for refusal in refused)
            self.message_user(
                request,
                f"Nothing was {done.lower()}: {articles_count(len(refused))} of "
                "those selected can't be, and it is all or none. Fix these first, "
                f"then try again. {reasons}",
                messages.ERROR,
            )
            return None
        return changed, skipped

    def _report(self, request, result, summary, skipped_text):
        if result is None:
            return
        changed, skipped = result
        parts = [summary(changed)]
        if skipped:
            parts.append(f"Skipped {articles_count(skipped)}: {skipped_text}.")
        level = messages.SUCCESS if changed else messages.WARNING
        self.message_user(request, " ".join(parts), level)

    @admin.action(
        description="Publish selected articles now (all or none)",
        permissions=("publish",),
    )
    def publish(self, request, queryset):
        result = self.run_action(
            request,
            queryset,
            done="Published",
            skip=lambda article: article.is_published,
            run=lambda article: publishing.publish(article, user=request.user),
        )
        self._report(
            request,
            result,
            lambda count: f"Published {articles_count(count)}: live now.",
            "live already",
        )

    @admin.action(
        description="Unpublish selected articles (back to draft)",
        permissions=("publish",),
    )
    def unpublish(self, request, queryset):
        result = self.run_action(
            request,
            queryset,
            done="Unpublished",
            skip=lambda article: article.status != Status.PUBLISHED,
            run=lambda article: publishing.unpublish(article, user=request.user),
        )
        self._report(
            request,
            result,
            lambda count: f"Unpublished {articles_count(count)}.",
            "not published",
        )

    @admin.action(
        description="Submit selected drafts for review", permissions=("change",)
    )
    def submit_for_review(self, request, queryset):
        result = self.run_action(
            request,
            queryset,
            done="Submitted",
            skip=lambda article: bool(
                publishing.refusals(SUBMIT, article, request.user)
            ),
            run=lambda article: publishing.submit_for_review(
                article, user=request.user
            ),
        )
        self._report(
            request,
            result,
            lambda count: f"Submitted {articles_count(count)} for review.",
            "only drafts you can edit can be submitted",
        )
