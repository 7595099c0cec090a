from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from articles.checklist import Checklist, check_article
from articles.models import Article, Status
from newsroom.edit_conflict import EditConflictForm
from newsroom.rich_text import rich_text_widget, tidy_pasted_html

# The longest body the form accepts. A very long feature is ~80,000 characters of
# HTML; sanitizing takes ~5 s for 300,000 and ~11 s for 500,000 characters on a
# loaded 2-core server, and grows faster than the length (~87 s for 2,000,000), so
# a larger body would keep a worker busy past gunicorn's 30 s timeout.
BODY_MAX_CHARS = 500_000


class ArticleAdminForm(EditConflictForm):
    """The editors' article form: the admin's fields plus the newsroom's own checks."""

    class Meta:
        model = Article
        fields = (
            *("kind", "title", "slug", "section", "summary", "body", "tags"),
            *("published_at", "meta_description", "review_comment"),
            "hero",
        )
        widgets = {"body": rich_text_widget()}
        help_texts = {
            "body": (
                "Use the toolbar: Heading 2 for sections (they make the table of "
                "contents), Heading 3-4 below them. Text pasted from Word or Google "
                "Docs keeps its structure; its fonts and colours are removed on save."
            ),
            # The buttons below the form change the state (admin_publishing.py).
            "published_at": (
                "Leave empty and press “Publish” to put the article live now, or "
                "type a future time and press “Schedule”."
            ),
            "review_comment": (
                "To the writer: what to change. Write it, then press “Send back”. "
                "Readers never see it."
            ),
        }

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) > BODY_MAX_CHARS:
            raise ValidationError(
                "The body is %(length)s characters long; it can be at most "
                "%(limit)s characters. Split it into two articles, or remove "
                "what was pasted along with the text (such as embedded images).",
                code="max_length",
                params={"length": f"{len(body):,}", "limit": f"{BODY_MAX_CHARS:,}"},
            )
        return tidy_pasted_html(body)

    def clean(self):
        cleaned_data = super().clean()
        # Status is not a form field, so the form doesn't check the database's
        # published_needs_date constraint: this speaks for it.
        if (
            self.instance.status == Status.PUBLISHED
            and "published_at" in self.fields
            and "published_at" in cleaned_data
            and cleaned_data["published_at"] is None
        ):
            self.add_error(
                "published_at",
                "A published article needs its publish time: put it back, or "
                "unpublish the article first.",
            )
        return cleaned_data

    def checklist(self, see_also_formset=None) -> Checklist:
        """The pre-publish checklist for the article as saved, or as typed."""
        # After a refused save the admin has put the typed values on the instance.
        tags = self.cleaned_data.get("tags") if self.is_bound else None
        links = links_as_typed(see_also_formset) if see_also_formset else []
        return check_article(self.instance, links, tags=tags)


def links_as_typed(formset) -> list:
    """A see-also formset's links: as saved, or as typed once it has been validated.

    Rows marked for deletion, empty new rows and rows with their own errors are
    left out.
    """
    if not formset.is_bound:
        return [form.instance for form in formset.forms]
    return [
        form.instance
        for form in formset.forms
        if (form.instance.pk or form.has_changed())
        and form.is_valid()
        and not form.cleaned_data.get("DELETE")
    ]


class SeeAlsoLinkFormSet(BaseInlineFormSet):
    """The see-also inline. Whether its targets may be linked from a published
    article is the publishing service's to say (articles/blockers.py)."""


class BylineFormSet(BaseInlineFormSet):
    """The byline inline: speaks before the one_byline_per_author constraint."""

    def clean(self):
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            author = data.get("author")
            if author is None or data.get("DELETE"):
                continue
            if author.pk in seen:
                raise ValidationError(
                    f"{author} is in the byline twice: remove one of the rows."
                )
            seen.add(author.pk)
        super().clean()
