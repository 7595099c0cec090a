"""Article.reading_minutes: the page's "min read", derived from the body when it is
saved rather than on every request. Existing rows are filled here."""

from django.db import migrations, models

from newsroom.text import plain_text

BATCH = 500
# articles/models.py's minutes_to_read() as this migration was written.
WORDS_PER_MINUTE = 230


def minutes_to_read(body_html):
    return max(1, round(len(plain_text(body_html).split()) / WORDS_PER_MINUTE))


def fill(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    batch = []
    for article in Article.objects.only("pk", "body_html").iterator(chunk_size=BATCH):
        article.reading_minutes = minutes_to_read(article.body_html)
        batch.append(article)
        if len(batch) == BATCH:
            Article.objects.bulk_update(batch, ["reading_minutes"])
            batch = []
    Article.objects.bulk_update(batch, ["reading_minutes"])


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0009_reader_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="reading_minutes",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
