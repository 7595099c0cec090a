"""Tag addresses: every tag name an editor can type gets a slug its page answers to.

taggit slugifies with allow_unicode, so "Zürich" becomes "zürich" and "日本" stays
"日本"; articles/urls.py accepts such slugs. A name with no letter or digit ("🚀",
"!!!") slugifies to nothing, so it gets the Unicode names of its characters
("rocket") instead, made unique with -2, -3.
"""

import re
import unicodedata

from django.db.models.signals import pre_save
from django.utils.text import slugify
from taggit.models import Tag
from taggit.utils import _parse_tags

from newsroom.text import clean_text

# taggit's slug column holds 100 characters; leave room for a -N suffix.
MAX_FALLBACK_LENGTH = 90
# Letters and digits of any script: a slug with none has no usable address.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# What taggit appends to a slug already taken: "_1" alone says nothing either.
_TAGGIT_SUFFIX = re.compile(r"_\d+$")


def has_letters(slug: str) -> bool:
    return bool(_LETTER_OR_DIGIT.search(_TAGGIT_SUFFIX.sub("", slug)))


def fallback_slug(name: str) -> str:
    """A slug made of the Unicode names of name's symbols: "🚀" gives "rocket"."""
    # Marks, spaces and format characters (variation selectors, joiners) say nothing.
    names = [
        unicodedata.name(char, "")
        for char in name
        if unicodedata.category(char)[0] not in "MZC"
    ]
    slug = slugify(" ".join(dict.fromkeys(names)))[:MAX_FALLBACK_LENGTH].strip("-")
    return slug or "tag"


def unique_slug(slug: str, tag: Tag) -> str:
    """slug, or slug-2, slug-3... whichever no other tag has."""
    taken = set(
        Tag.objects.filter(slug__startswith=slug)
        .exclude(pk=tag.pk)
        .values_list("slug", flat=True)
    )
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def give_tag_an_address(sender, instance: Tag, **kwargs) -> None:
    """pre_save for Tag: replace a slug without letters by a readable unique one."""
    if not has_letters(instance.slug):
        instance.slug = unique_slug(fallback_slug(instance.name), instance)


def parse_tags(tag_string: str) -> list[str]:
    """taggit's parsing of a typed tag list, with each name cleaned as saving would.

    Settings name it TAGGIT_TAGS_FROM_STRING: taggit looks tags up by the typed
    name, so a pasted "Zürich\\x0bCity" must be found as the "Zürich City" stored.
    """
    return sorted(
        {clean_text(name, multiline=False) for name in _parse_tags(tag_string)} - {""}
    )


def connect() -> None:
    # A signal, not a method: Tag is taggit's model, saved by taggit's own code
    # (the tag field of every form, tags.add()) as well as by ours.
    pre_save.connect(give_tag_an_address, sender=Tag, dispatch_uid="tag-address")
