import copy
import re

from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet, construct_instance
from django.templatetags.static import static
from django_prose_editor.widgets import AdminProseEditorWidget

from articles.checklist import SEE_ALSO_LINKS, Checklist, check_article
from articles.models import Article, Status
from newsroom.edit_conflict import EditConflictForm

# The toolbar offers what sanitize_html() keeps (a test checks the two agree), so
# nothing an editor formats disappears on save. The editor's output is not trusted
# for all that: Article.save() sanitizes whatever arrives.
RICH_TEXT_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False},
    "BulletList": True,
    # No numbering styles: sanitize_html() keeps only the start number.
    "OrderedList": {"enableListAttributes": False},
    "ListItem": True,
    "Blockquote": True,
    "Code": True,
    "CodeBlock": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "HorizontalRule": True,
    "HardBreak": True,
    # Library images pasted as <figure> snippets must survive an edit.
    "Figure": True,
    "Image": True,
    "Caption": True,
    "Subscript": True,
    "Superscript": True,
    "Strike": True,
    "Underline": True,
}
# What word processors put around pasted HTML that sanitize_html() would keep as
# content. The editor handles both (static/admin-extra/paste-cleanup.js); this is for
# HTML that reaches the form without it.
PASTE_LEFTOVERS = re.compile(
    # Google Docs wraps a whole paste in <b style="font-weight:normal" id="docs-
    # internal-guid-…">: bold all over once the style is gone. The stray </b> left
    # behind is ignored by every HTML parser, sanitize_html() included.
    r"<b\b[^>]*\bid=[\"']?docs-internal-guid-[^>]*>"
    # Word's list markers ("·", "1.") for programs without list support.
    r"|<!\[if !supportLists\]>.*?<!\[endif\]>",
    re.IGNORECASE | re.DOTALL,
)


class RichTextWidget(AdminProseEditorWidget):
    """The prose editor, plus the paste cleanup in static/admin-extra/paste-cleanup.js."""

    def get_config(self):
        config = super().get_config()
        return config | {
            "extensions": config["extensions"] | {"PasteCleanup": True},
            "js_modules": [
                *config["js_modules"],
                static("admin-extra/paste-cleanup.js"),
            ],
        }


def rich_text_widget():
    """The admin's WYSIWYG editor, for article bodies and FAQ answers."""
    return RichTextWidget(
        config={"extensions": RICH_TEXT_EXTENSIONS}, preset="configurable"
    )


def tidy_pasted_html(html: str) -> str:
    """Remove what word processors add around pasted HTML (see PASTE_LEFTOVERS)."""
    return PASTE_LEFTOVERS.sub("", html)


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
            *("status", "published_at", "meta_description", "review_comment"),
            "hero",
        )
        widgets = {"body": rich_text_widget()}
        help_texts = {
            "body": (
                "Use the toolbar: Heading 2 for sections (they make the table of "
                "contents), Heading 3-4 below them. Text pasted from Word or Google "
                "Docs keeps its structure; its fonts and colours are removed on save."
            )
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
        if cleaned_data.get("status") == Status.PUBLISHED:
            self._refuse_checklist_errors()
        return cleaned_data

    def _refuse_checklist_errors(self):
        # A copy: the instance itself gets the typed values only after clean().
        article = construct_instance(self, copy.copy(self.instance))
        # Article.clean() refuses some of the same problems on every save, drafts
        # included; leave those to it, so that no message shows twice.
        try:
            copy.copy(article).clean()
        except ValidationError as error:
            refused_by_model = set(getattr(error, "error_dict", {}))
        else:
            refused_by_model = set()
        # See-also links are the inline's to check; only errors count here.
        for problem in check_article(article, (), tags=()).errors:
            if problem.field not in refused_by_model:
                field = problem.field if problem.field in self.fields else None
                self.add_error(field, problem.message)

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
    """The see-also inline: a published article may link only to published ones."""

    def clean(self):
        super().clean()
        # The admin hands the inline the article as typed, its new status included.
        if self.instance.status != Status.PUBLISHED:
            return
        checklist = check_article(self.instance, links_as_typed(self), tags=())
        errors = [p.message for p in checklist.errors if p.field == SEE_ALSO_LINKS]
        if errors:
            raise ValidationError(errors)
