"""Index the articles and FAQ entries that existed before search did.

Uses the historical models, as a data migration must, and frozen copies of
search.index's clean_text() and newsroom.text's plain_text() as they were when it
was written, since a migration must not import code that changes later. Later saves
keep the index current, and `manage.py rebuild_search_index` does the same as this
at any time.
"""

import re
from html.parser import HTMLParser

from django.db import migrations

# The highlight markers only the database may add (search/highlight.py).
MARKERS = re.compile("[\ue000\ue001]")
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}
SKIPPED_TAGS = {"script", "style", "template"}


class TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def plain_text(html):
    extractor = TextExtractor()
    extractor.feed(html)
    extractor.close()
    return " ".join("".join(extractor.parts).split())


def clean_text(text):
    return re.sub(r"\s+", " ", MARKERS.sub("", text)).strip()


def index_existing(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Entry = apps.get_model("faq", "Entry")
    Document = apps.get_model("search", "Document")
    documents = [
        Document(
            kind="article",
            object_id=article.pk,
            title=clean_text(article.title),
            summary=clean_text(article.summary),
            body=plain_text(article.body_html),
        )
        for article in Article.objects.only("title", "summary", "body_html").iterator()
    ]
    documents += [
        Document(
            kind="faq",
            object_id=entry.pk,
            title=clean_text(entry.question),
            body=plain_text(entry.answer_html),
        )
        for entry in Entry.objects.only("question", "answer_html").iterator()
    ]
    Document.objects.bulk_create(documents, batch_size=500)


def unindex_all(apps, schema_editor):
    apps.get_model("search", "Document").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_full_text"),
        ("articles", "0005_hero_from_image_library"),
        ("faq", "0001_initial"),
    ]

    operations = [migrations.RunPython(index_existing, unindex_all)]
