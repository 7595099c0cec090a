"""The demo site, exported and imported into an empty site, gives the same pages.

Compared per article: body (as readers see it: transfer.markup.same_page, which
ignores whitespace around block tags and how characters are escaped), dates, state,
section, bylines, tags in page order, see-also links, FAQ entries, corrections, and
the hero's dimensions, alt text and pixels (the library re-encodes every file it
stores, so pixels may differ by JPEG rounding, never by more than a few levels).
"""

from io import StringIO

import pytest
from django.core.management import call_command
from PIL import Image as PILImage, ImageChops, ImageStat
from taggit.models import Tag

from articles.models import Article, Author, Section
from corrections.models import Note
from faq.models import Entry, Topic
from images.models import Image
from redirects.models import Redirect
from transfer.markup import canonical
from transfer.models import ImportedImage, ImportedItem

pytestmark = pytest.mark.django_db


def site_state() -> dict:
    """What readers see of every article, by slug."""
    state = {}
    for article in Article.objects.select_related("section", "hero").order_by("slug"):
        state[article.slug] = {
            "title": article.title,
            "kind": article.kind,
            "status": article.status,
            "published_at": article.published_at,
            "revised_at": article.revised_at,
            "summary": article.summary,
            "meta_description": article.meta_description,
            "body": canonical(article.body_html),
            "toc": article.toc,
            "section": (article.section.slug, article.section.name),
            "authors": [
                b.author.slug for b in article.bylines.select_related("author")
            ],
            "tags": [(tag.name, tag.slug) for tag in article.tag_list],
            "see_also": [
                (link.kind, link.href, link.text, link.description)
                for link in article.see_also_links.select_related(
                    "target_article", "target_section"
                )
            ],
            "faq": [
                (entry.slug, entry.question, entry.answer_html, entry.is_published)
                for entry in Entry.objects.for_article(article)
            ],
            "notes": [
                (note.kind, note.text, note.created_at) for note in article.notes.all()
            ],
            "hero": article.hero
            and (
                article.hero.width,
                article.hero.height,
                article.hero.alt_text,
                article.hero.caption,
                article.hero.credit,
            ),
        }
    return state


def hero_pixels() -> dict:
    pictures = {}
    for article in Article.objects.exclude(hero=None).select_related("hero"):
        with article.hero.file.open("rb") as file:
            pictures[article.slug] = PILImage.open(file).convert("RGB")
            pictures[article.slug].load()
    return pictures


def empty_the_site() -> None:
    """Remove every row the demo made that an export carries."""
    Note.objects.all().delete()
    Article.objects.all().delete()
    for model in (Image, Author, Section, Entry, Topic, Tag, Redirect):
        model.objects.all().delete()
    assert not ImportedItem.objects.exists()
    assert not ImportedImage.objects.exists()


@pytest.fixture
def round_trip(demo, tmp_path):
    before, pixels_before = site_state(), hero_pixels()
    call_command("export_site", str(tmp_path / "export"), stdout=StringIO())
    empty_the_site()
    out = StringIO()
    call_command(
        "import_markdown", "--keep-status", str(tmp_path / "export"), stdout=out
    )
    return before, pixels_before, out.getvalue()


def test_round_trip_gives_the_same_articles(round_trip):
    before, _pixels, output = round_trip

    after = site_state()

    assert after.keys() == before.keys(), output
    for slug in before:
        assert after[slug] == before[slug], f"{slug}\n{output}"


def test_round_trip_gives_the_same_hero_pixels(round_trip):
    _before, pixels_before, _output = round_trip

    pixels_after = hero_pixels()

    assert pixels_after.keys() == pixels_before.keys()
    for slug, picture in pixels_before.items():
        assert pixels_after[slug].size == picture.size
        difference = ImageStat.Stat(ImageChops.difference(picture, pixels_after[slug]))
        assert max(difference.mean) < 2, slug


def test_importing_the_export_again_changes_nothing(round_trip, tmp_path):
    before = site_state()

    out = StringIO()
    call_command(
        "import_markdown", "--keep-status", str(tmp_path / "export"), stdout=out
    )

    # imported, updated, unchanged, skipped, failed: only "unchanged" counts.
    counts = [line.split()[-5:] for line in out.getvalue().splitlines()[1:8]]
    assert all(numbers[:2] + numbers[3:] == ["0"] * 4 for numbers in counts), (
        out.getvalue()
    )
    assert site_state() == before
