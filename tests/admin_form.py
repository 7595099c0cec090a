"""Post an admin form the way a browser does: what the page rendered, plus changes.

Reading the fields and inline management forms from the page, instead of listing
them by hand, keeps tests of one feature working while others add fields or inlines.
"""

from html.parser import HTMLParser

from django.urls import reverse

SKIPPED_INPUTS = {"submit", "button", "reset", "file", "image"}


class FormReader(HTMLParser):
    """The fields one form submits, and its inlines' blank "__prefix__" rows.

    A name sent more than once (a multiple select, checkboxes) maps to a list.
    """

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.fields = {}
        self.blank_rows = {}  # The templates the admin's "Add another" copies.
        self._select = None  # [name, multiple, options, selected]
        self._textarea = None

    def _store(self, name, value):
        target = self.blank_rows if "__prefix__" in name else self.fields
        if name not in target:
            target[name] = value
        elif isinstance(target[name], list):
            target[name].append(value)
        else:
            target[name] = [target[name], value]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "option" and self._select:
            value = attrs.get("value", "")
            self._select[2].append(value)
            if "selected" in attrs:
                self._select[3].append(value)
        elif not name:
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in SKIPPED_INPUTS:
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self._store(name, attrs.get("value", default))
        elif tag == "textarea":
            self._textarea = [name, ""]
        elif tag == "select":
            self._select = [name, "multiple" in attrs, [], []]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select" and self._select:
            name, multiple, options, selected = self._select
            if multiple:
                for value in selected:
                    self._store(name, value)
            else:
                # With no option marked, browsers send the first. An autocomplete
                # select renders none; storing "" still names it in blank rows.
                self._store(name, selected[-1] if selected else (options or [""])[0])
            self._select = None
        elif tag == "textarea" and self._textarea:
            name, text = self._textarea
            # Browsers drop the newline Django writes after <textarea>.
            self._store(name, text.removeprefix("\r\n").removeprefix("\n"))
            self._textarea = None


def read_form(response, form_id="article_form") -> FormReader:
    assert response.status_code == 200, response.status_code
    reader = FormReader(form_id)
    reader.feed(response.content.decode())
    return reader


def form_data(response, form_id="article_form", **changes) -> dict:
    """What the page's form posts, with `changes` (field name: value) applied."""
    return {**read_form(response, form_id).fields, **changes}


def inline_prefix(form: FormReader, field: str) -> str:
    """The prefix of the inline whose rows have `field`, as rendered."""
    [prefix] = {
        name.removesuffix(f"-__prefix__-{field}")
        for name in form.blank_rows
        if name.endswith(f"-__prefix__-{field}")
    }
    return prefix


def with_inline_row(form: FormReader, prefix: str, **values) -> dict:
    """The form's data with one more inline row, as "Add another" makes it."""
    data = dict(form.fields)
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    for name, value in form.blank_rows.items():
        if name.startswith(f"{prefix}-__prefix__-"):
            data[name.replace("__prefix__", str(index))] = value
    for field, value in values.items():
        data[f"{prefix}-{index}-{field}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return data


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def post_change_form(client, article, **changes):
    """Open the article's change form and save it with `changes`.

    Buttons aren't read from the page (a browser sends only the one pressed):
    `_transition="publish"` presses "Publish", and so on (articles/admin_publishing.py).
    """
    url = change_url(article)
    return client.post(url, form_data(client.get(url), **changes))
