import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from articles.models import Article, Author, Byline, Kind, Section, SeeAlsoLink, Status
from articles.sanitize import ALLOWED_TAGS
from faq.models import ArticleEntry, Entry, Topic
from images.models import Image

pytestmark = pytest.mark.django_db


def run_demo_content() -> str:
    out = StringIO()
    call_command("demo_content", stdout=out)
    return out.getvalue()


def snapshot(media_root) -> dict:
    """Everything a second run must leave alone: row counts, timestamps, media files."""
    return {
        "counts": [
            model.objects.count()
            for model in (
                *(Section, Author, Article, Byline, Tag, TaggedItem, User),
                *(Topic, Entry, ArticleEntry, SeeAlsoLink, Image),
            )
        ],
        "updated_at": dict(Article.objects.values_list("slug", "updated_at")),
        "files": sorted(str(p) for p in Path(media_root).rglob("*") if p.is_file()),
    }


# On an empty site. These come first: once a test below takes `demo`, the module's
# one demo load stays in the database until the module ends (tests/conftest.py).


def test_existing_admin_password_is_left_alone(settings):
    settings.DEBUG = True
    User.objects.create_user("admin", password="a-real-password")

    run_demo_content()

    assert User.objects.get(username="admin").check_password("a-real-password")


def test_command_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        run_demo_content()
    assert not User.objects.filter(username="admin").exists()


# On the demo publication, loaded once for the tests below.


def test_first_run_creates_the_publication(demo):
    assert (
        "Created 3 sections, 3 authors, 11 articles, 11 FAQ entries, "
        "22 see-also links, 2 notes." in demo.output
    )


def test_second_run_changes_nothing(demo):
    before = snapshot(demo.media_root)
    assert before["files"], "the first run stored no files to compare"

    run_demo_content()

    assert snapshot(demo.media_root) == before


def test_second_run_says_there_is_nothing_to_do(demo):
    assert "Nothing to do" in run_demo_content()


def test_demo_explainers_and_guides_have_faq_and_see_also(demo):
    for article in Article.objects.filter(kind__in=[Kind.EXPLAINER, Kind.GUIDE]):
        assert Entry.objects.published().for_article(article).exists(), article.slug
        assert SeeAlsoLink.objects.filter(article=article).exists(), article.slug


def test_demo_has_one_draft_and_one_scheduled_article(demo):
    articles = Article.objects.all()

    drafts = [a.published_at for a in articles if a.status == Status.DRAFT]
    scheduled = [a for a in articles if a.is_scheduled]
    assert drafts == [None]
    assert len(scheduled) == 1


def test_demo_covers_every_kind(demo):
    assert set(Article.objects.values_list("kind", flat=True)) == set(Kind.values)


def test_home_page_lists_published_articles_but_not_the_draft(demo, client):
    response = client.get("/")

    for article in Article.objects.published():
        assertContains(response, escape(article.title))
    draft = Article.objects.get(status=Status.DRAFT)
    assertNotContains(response, escape(draft.title))


def test_only_one_article_shows_as_updated(demo):
    updated = [a.slug for a in Article.objects.published() if a.was_updated]

    assert len(updated) == 1


def test_most_articles_have_hero_images_with_alt_text(demo):
    with_image = Article.objects.exclude(hero=None).select_related("hero")

    assert with_image.count() >= 7
    assert all(a.hero.alt_text and a.hero.width == 1600 for a in with_image)


def test_demo_heroes_come_with_renditions_and_a_social_crop(demo):
    for image in Image.objects.all():
        widths = [item["width"] for item in image.renditions["responsive"]]
        assert widths == [480, 480, 800, 800, 1200, 1200, 1600, 1600], image.title
        assert image.social["width"] == 1200, image.title


def test_bodies_use_only_tags_the_sanitizer_keeps(demo):
    used = {
        tag
        for body in Article.objects.values_list("body", flat=True)
        for tag in re.findall(r"</?([a-z0-9]+)", body)
    }

    assert used <= ALLOWED_TAGS


def test_admin_user_is_created(demo):
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("admin")


def test_demo_publishes_through_the_publishing_service(demo):
    comments = {
        article.slug: Version.objects.get_for_object(article)
        .values_list("revision__comment", flat=True)
        .first()
        for article in Article.objects.all()
    }
    live = Article.objects.published()
    assert {comments[a.slug] for a in live} == {"Published by admin"}
    [scheduled] = [a for a in Article.objects.all() if a.is_scheduled]
    assert comments[scheduled.slug].startswith("Scheduled for ")
    assert comments[scheduled.slug].endswith(" by admin")
