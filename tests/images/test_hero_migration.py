"""Articles' old hero image fields move into the library, files cleaned on the way."""

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from PIL import ExifTags, Image as PILImage

from articles.models import Article
from tests.factories import make_photo_file

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0004_review_and_revision")]
AFTER = [("articles", "0005_hero_from_image_library")]
OLD_NAME = "articles/2026/01/boat.jpg"
GONE_NAME = "articles/2026/01/gone.jpg"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_articles():
    """Two articles saved before the library: one hero on disk, one file gone."""
    apps = migrate(BEFORE)
    Section = apps.get_model("articles", "Section")
    OldArticle = apps.get_model("articles", "Article")
    section = Section.objects.create(name="News", slug="news")
    stored = default_storage.save(OLD_NAME, make_photo_file(size=(600, 400)))
    common = {
        "section": section,
        "status": "published",
        "published_at": timezone.now(),
    }
    OldArticle.objects.create(
        title="Boats at dawn",
        slug="boats",
        image=stored,
        image_width=600,
        image_height=400,
        image_alt="Fishing boats in a grey harbour",
        image_caption="Newlyn, at six.",
        image_credit="Photo: Jane Doe",
        **common,
    )
    OldArticle.objects.create(
        title="Lost picture",
        slug="lost",
        image=GONE_NAME,
        image_width=800,
        image_height=450,
        image_alt="Something no longer on disk",
        **common,
    )
    yield stored
    # Leave the schema as every other test expects it.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def migrated(old_articles):
    migrate(AFTER)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    return old_articles


def test_each_hero_becomes_a_library_image_with_the_articles_text(migrated):
    hero = Article.objects.select_related("hero").get(slug="boats").hero
    assert hero.title == "Boats at dawn"
    assert hero.alt_text == "Fishing boats in a grey harbour"
    assert (hero.caption, hero.credit) == ("Newlyn, at six.", "Photo: Jane Doe")


def test_migrated_hero_is_stored_upright_without_exif(migrated):
    hero = Article.objects.get(slug="boats").hero
    assert (hero.width, hero.height) == (400, 600)
    with hero.file.open("rb") as stored, PILImage.open(stored) as image:
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert not image.getexif()


def test_migrated_hero_gets_renditions_and_a_social_crop(migrated):
    hero = Article.objects.get(slug="boats").hero
    assert [item["width"] for item in hero.renditions["responsive"]] == [400, 400]
    assert hero.social["width"] == 1200


def test_old_file_with_its_gps_position_is_deleted(migrated):
    assert not default_storage.exists(migrated)


def test_missing_file_keeps_its_hero_and_shows_the_original(migrated, client):
    article = Article.objects.get(slug="lost")
    assert article.hero.file.name == GONE_NAME
    assert article.hero.alt_text == "Something no longer on disk"

    response = client.get(article.get_absolute_url())

    content = response.content.decode()
    assert f'src="/media/{GONE_NAME}"' in content
    assert 'width="800" height="450"' in content
