"""Indexes that fit the reader lists' queries, so no page scans the whole archive.

Also an index on taggit's table, by tag: a tag page reads its articles' ids from it
alone. taggit owns the table, so this is SQL (the same on SQLite and PostgreSQL),
and Django's model state does not know the index.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0008_give_every_tag_an_address'),
        ('images', '0003_image_use'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='article',
            name='articles_ar_status_de59cf_idx',
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['status', '-published_at', '-id'], name='article_list_home'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['section', 'status', '-published_at', '-id'], name='article_list_section'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['kind', 'status', '-published_at', '-id'], name='article_list_kind'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['updated_at'], name='article_updated_at'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['revised_at'], name='article_revised_at'),
        ),
        migrations.AddIndex(
            model_name='byline',
            index=models.Index(fields=['author', 'article'], name='byline_author'),
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS articles_tagged_item_by_tag"
            " ON taggit_taggeditem (tag_id, content_type_id, object_id)",
            "DROP INDEX IF EXISTS articles_tagged_item_by_tag",
        ),
    ]
