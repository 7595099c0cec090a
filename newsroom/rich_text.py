"""The admin's rich-text editor, for article bodies and FAQ answers.

django-prose-editor with the toolbar below, plus the paste clean-up for what word
processors add (static/admin-extra/paste-cleanup.js, and tidy_pasted_html() for
HTML that reaches a form without it).
"""

import re

from django.templatetags.static import static
from django_prose_editor.widgets import AdminProseEditorWidget

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
