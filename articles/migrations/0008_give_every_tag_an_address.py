"""Give tags whose slug has no letter or digit ("", "_1": emoji or punctuation
names) the readable slug articles/tags.py now gives new ones. Unicode slugs such
as "zürich" stay as they are: the tag URL accepts them now."""

import re
import unicodedata

from django.db import migrations
from django.utils.text import slugify

# A copy of articles/tags.py as it was written, so this migration never changes.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_TAGGIT_SUFFIX = re.compile(r"_\d+$")


def _fallback_slug(name):
    names = [
        unicodedata.name(char, "")
        for char in name
        if unicodedata.category(char)[0] not in "MZC"
    ]
    return slugify(" ".join(dict.fromkeys(names)))[:90].strip("-") or "tag"


def give_every_tag_an_address(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for tag in Tag.objects.order_by("pk"):
        if _LETTER_OR_DIGIT.search(_TAGGIT_SUFFIX.sub("", tag.slug)):
            continue
        base = _fallback_slug(tag.name)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        Tag.objects.filter(pk=tag.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_updated_at"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(give_every_tag_an_address, migrations.RunPython.noop),
    ]
