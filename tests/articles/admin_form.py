"""Post an admin form the way a browser would: read its fields from the page.

Reading the rendered form, instead of listing every field by hand, keeps tests of one
feature working while other features add or rename fields.
"""

from html.parser import HTMLParser

SKIPPED_INPUTS = {"submit", "button", "file", "image", "reset"}


class _FormFields(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.in_form = form_id, False
        self.data = {}
        self.textarea = self.select = None
        self.options, self.selected, self.multiple = [], [], False

    def add(self, name, value):
        if "__prefix__" in name:  # The template row for "Add another".
            return
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
        if not self.in_form or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in SKIPPED_INPUTS or (
                kind in ("checkbox", "radio") and "checked" not in attrs
            ):
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.add(attrs["name"], attrs.get("value", default))
        elif tag == "textarea":
            self.textarea, self.text = attrs["name"], []
        elif tag == "select":
            self.select, self.options, self.selected = attrs["name"], [], []
            self.multiple = "multiple" in attrs
        elif tag == "option" and self.select:
            self.options.append(attrs.get("value", ""))
            if "selected" in attrs:
                self.selected.append(attrs.get("value", ""))

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self.textarea:
            # Browsers drop the newline that follows <textarea>.
            self.add(self.textarea, "".join(self.text).removeprefix("\n"))
            self.textarea = None
        elif tag == "select" and self.select:
            # A single select with nothing marked sends its first option.
            if not self.selected and not self.multiple:
                self.selected = self.options[:1]
            for value in self.selected:
                self.add(self.select, value)
            self.select = None


def form_data(response, form_id, **changes):
    """The data form_id in response posts as it stands, with changes applied."""
    parser = _FormFields(form_id)
    parser.feed(response.content.decode())
    data = {
        name: values[0] if len(values) == 1 else values
        for name, values in parser.data.items()
    }
    return data | changes
