"""Index the articles and FAQ entries that existed before search did.

Uses the historical models, as a data migration must; later saves keep the index
current, and `manage.py rebuild_search_index` does the same as this at any time.
"""

from django.db import migrations

from search.index import clean_text, plain_text


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
