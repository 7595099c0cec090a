"""Images a body shows from the library travel with it: export copies the file,
import brings it into the new site's library and points the body at it."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from images.models import Image, ImageUse
from tests.factories import make_article, make_image, make_image_file
from tests.transfer.conftest import write_png
from tests.transfer.markdown import import_markdown, write_markdown

pytestmark = pytest.mark.django_db


def test_markdown_image_beside_the_file_comes_into_the_library(importer, tmp_path):
    write_png(tmp_path / "pics" / "chart.png", size=(300, 150))
    write_markdown(
        tmp_path, "c.md", {"title": "Charted"}, "![A chart](pics/chart.png)\n"
    )

    import_markdown(tmp_path)

    article = Article.objects.get()
    image = Image.objects.get()
    assert (image.width, image.height, image.alt_text) == (300, 150, "A chart")
    assert f'src="{image.file.url}"' in article.body_html
    assert ImageUse.objects.filter(image=image).exists()


def test_body_image_survives_export_and_import(importer, tmp_path):
    image = make_image(file=make_image_file(size=(420, 240)), alt_text="A bar chart")
    make_article(
        slug="charted",
        body=f'<p>See:</p><p><img src="{image.file.url}" alt="A bar chart"></p>',
    )
    call_command("export_site", str(tmp_path / "out"), stdout=StringIO())
    Article.objects.all().delete()
    Image.objects.all().delete()

    import_markdown("--keep-status", tmp_path / "out")

    article = Article.objects.get(slug="charted")
    new_image = Image.objects.get()
    assert (new_image.width, new_image.height) == (420, 240)
    assert f'<img src="{new_image.file.url}" alt="A bar chart">' in article.body_html


def test_missing_body_image_is_noted_and_the_article_imported(importer, tmp_path):
    write_markdown(tmp_path, "c.md", {"title": "Charted"}, "![A chart](gone.png)\n")

    output = import_markdown(tmp_path)

    assert Article.objects.exists()
    assert "the body's image gone.png is not there" in output
