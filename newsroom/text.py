"""Plain text, kept fit for every output: one place for what editors paste.

- plain_text(html): the words of (sanitized) html, entities decoded once, so that
  each output escapes them once for its own format (meta tags, JSON, XML).
- clean_text(value, multiline=...): text without the control characters XML 1.0
  forbids (Word's line break pastes \\x0b, its page break \\x0c). connect() applies
  it before every save of every model of our apps, and of taggit's Tag, so the
  admin, imports and the shell all store clean text.
- xml_safe(text): the same characters dropped at output, for feeds and sitemaps,
  as rows written around save() (QuerySet.update(), raw SQL) can still hold them.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save

# What XML 1.0 cannot carry: C0 controls except tab, newline and carriage
# return, lone surrogates, and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Characters that pasted text uses as line or page breaks.
_BREAKS = re.compile("[\x0b\x0c]")
_LINE_BREAKS = re.compile("[\t\n\r\x0b\x0c]+")
# Fields whose value is an address or a key: a control character is just dropped.
_KEY_FIELDS = (models.SlugField, models.URLField, models.EmailField)


def xml_safe(text: str) -> str:
    """text without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", text)


def clean_text(value: str, *, multiline: bool) -> str:
    """value without control characters; breaks become newlines or spaces."""
    if multiline:
        return xml_safe(_BREAKS.sub("\n", value))
    cleaned = xml_safe(_LINE_BREAKS.sub(" ", value))
    return cleaned.strip() if cleaned != value else value


# Tags that separate words: "<h2>Intro</h2><p>Text" reads "Intro Text", not "IntroText".
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_SKIPPED_TAGS = {"script", "style", "template"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """The words of html on one line, entities decoded ("Q&amp;A" reads "Q&A")."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return " ".join("".join(extractor.parts).split())


def _text_fields(model: type[models.Model]) -> list[tuple[str, bool, bool]]:
    """(attname, multiline, is_key) for each CharField and TextField of model."""
    return [
        (
            field.attname,
            isinstance(field, models.TextField),
            isinstance(field, _KEY_FIELDS),
        )
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    ]


def clean_text_fields(sender, instance, **kwargs) -> None:
    """pre_save: clean every text field of instance in place."""
    for attname, multiline, is_key in _text_fields(sender):
        value = getattr(instance, attname)
        if isinstance(value, str):
            cleaned = (
                xml_safe(value) if is_key else clean_text(value, multiline=multiline)
            )
            setattr(instance, attname, cleaned)


def editable_models() -> list[type[models.Model]]:
    """Every model of the apps in this repository, and taggit's Tag."""
    ours = [
        config
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
        # A virtualenv may sit in the project directory: its apps aren't ours.
        and "site-packages" not in Path(config.path).parts
    ]
    found = [model for config in ours for model in config.get_models()]
    return [*found, apps.get_model("taggit", "Tag")]


def connect() -> None:
    # A signal rather than a save() in each model: it also covers taggit's Tag and
    # models added later, and no model can forget it.
    for model in editable_models():
        pre_save.connect(
            clean_text_fields, sender=model, dispatch_uid=f"clean-text-{model._meta}"
        )
