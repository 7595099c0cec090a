"""write_article(): one item, one transaction, through the publishing service."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from articles.models import Article, LinkKind, Status
from articles.publishing import publish
from faq.models import Entry
from images.models import Image
from redirects.models import Redirect
from tests.factories import make_article
from tests.transfer.conftest import hero, item, write_png
from transfer.writer import write_article

pytestmark = pytest.mark.django_db


def test_new_item_is_created_and_published_keeping_its_date(importer):
    published_at = timezone.now() - timedelta(days=30)

    outcome = write_article(item(published_at=published_at), user=importer)

    article = Article.objects.get(slug="first-piece")
    assert (outcome.action, outcome.reason) == ("created", "")
    assert article.is_published
    assert article.published_at == published_at


def test_body_is_sanitized_on_the_way_in(importer):
    write_article(
        item(body='<p onclick="x()">Hi</p><script>bad()</script>'), user=importer
    )

    assert Article.objects.get().body_html == "<p>Hi</p>bad()"


def test_as_drafts_keeps_a_new_article_a_draft(importer):
    write_article(item(), user=importer, as_drafts=True)

    assert Article.objects.get().status == Status.DRAFT


def test_second_write_of_the_same_item_is_unchanged(importer):
    write_article(item(), user=importer)

    outcome = write_article(item(), user=importer)

    assert outcome.action == "unchanged"
    assert Article.objects.count() == 1


def test_changed_item_updates_the_same_article(importer):
    first = write_article(item(), user=importer)

    outcome = write_article(item(title="First piece, revised"), user=importer)

    assert outcome.action == "updated"
    assert outcome.article.pk == first.article.pk
    assert Article.objects.get().title == "First piece, revised"


def test_slug_taken_by_an_article_from_elsewhere_fails(importer):
    make_article(slug="first-piece", title="Written here")

    outcome = write_article(item(), user=importer)

    assert outcome.action == "failed"
    assert "Written here" in outcome.reason


def test_refused_publishing_leaves_a_draft_with_the_reason(importer):
    outcome = write_article(item(kind="explainer", summary=""), user=importer)

    assert outcome.action == "created"
    assert outcome.reason.startswith("came in as a draft: ")
    assert "summary" in outcome.reason
    assert Article.objects.get().status == Status.DRAFT


def test_future_date_schedules(importer):
    at = timezone.now() + timedelta(days=2)

    write_article(item(status="scheduled", published_at=at), user=importer)

    article = Article.objects.get()
    assert article.is_scheduled
    assert article.published_at == at


def test_review_status_submits_for_review(importer):
    write_article(item(status="review"), user=importer)

    assert Article.objects.get().status == Status.IN_REVIEW


def test_tags_merge_with_existing_ones_ignoring_case(importer):
    Tag.objects.create(name="Claude API")

    write_article(item(tags=["claude api", "New one"]), user=importer)

    assert sorted(Article.objects.get().tags.names()) == ["Claude API", "New one"]
    assert Tag.objects.count() == 2


def test_section_authors_faq_links_and_redirects_are_written(importer):
    make_article(slug="older", title="Older piece")

    write_article(
        item(
            section="Guides",
            authors=[("Ada Writer", ""), ("Bo Reporter", "bo")],
            faq=[("Is it safe?", "<p>Yes.</p>")],
            see_also=[
                ("older", "Read this first"),
                ("https://example.com/", "Elsewhere"),
            ],
            old_paths=["/2019/05/first-piece/"],
        ),
        user=importer,
    )

    article = Article.objects.get(slug="first-piece")
    assert article.section.name == "Guides"
    assert [b.author.slug for b in article.bylines.all()] == ["ada-writer", "bo"]
    assert Entry.objects.for_article(article).get().answer_html == "<p>Yes.</p>"
    links = list(article.see_also_links.all())
    assert [link.kind for link in links] == [LinkKind.ARTICLE, LinkKind.EXTERNAL]
    assert links[0].target_article.slug == "older"
    assert Redirect.objects.get(old_path="/2019/05/first-piece/").target == (
        "/articles/first-piece/"
    )


def test_link_to_an_article_not_there_yet_waits(importer):
    outcome = write_article(item(see_also=[("later", "")]), user=importer)

    assert outcome.waiting_for == ("later",)
    # Written again once "later" exists: not taken as unchanged.
    write_article(item(source_id="later", title="Later"), user=importer)
    again = write_article(item(see_also=[("later", "")]), user=importer)
    assert again.action == "updated"
    assert again.waiting_for == ()


def test_hero_image_comes_into_the_library_once(importer, tmp_path):
    picture = write_png(tmp_path / "blue.png")

    write_article(item(hero=hero(picture)), user=importer)
    write_article(item(source_id="second", hero=hero(picture)), user=importer)

    image = Image.objects.get()
    assert (image.width, image.height, image.alt_text) == (320, 200, "A blue rectangle")
    assert Article.objects.filter(hero=image).count() == 2


def test_missing_hero_file_fails_the_item_and_writes_nothing(importer, tmp_path):
    outcome = write_article(item(hero=hero(tmp_path / "gone.png")), user=importer)

    assert outcome.action == "failed"
    assert "gone.png" in outcome.reason
    assert not Article.objects.exists()


def test_dry_run_writes_nothing(importer, tmp_path):
    picture = write_png(tmp_path / "blue.png")

    outcome = write_article(item(hero=hero(picture)), user=importer, dry_run=True)

    assert outcome.action == "created"
    assert not Article.objects.exists()
    assert not Image.objects.exists()


def test_as_drafts_leaves_an_article_published_since_live(importer):
    write_article(item(), user=importer, as_drafts=True)
    publish(Article.objects.get(), user=importer)

    outcome = write_article(item(title="Retitled"), user=importer, as_drafts=True)

    article = Article.objects.get()
    assert outcome.action == "updated"
    assert article.is_published
    assert article.title == "Retitled"


def test_import_keeps_a_revision_naming_it(importer):
    outcome = write_article(item(), user=importer, as_drafts=True)

    comments = [
        v.revision.comment for v in Version.objects.get_for_object(outcome.article)
    ]
    assert comments == ["Created by an import from markdown"]


def test_slug_that_is_not_a_slug_fails_with_the_field_message(importer):
    outcome = write_article(item(slug="not a slug!"), user=importer)

    assert outcome.action == "failed"
    assert "slug" in outcome.reason.lower()
    assert not Article.objects.exists()


def test_failed_item_leaves_no_image_files_behind(importer, tmp_path, settings):
    picture = write_png(tmp_path / "blue.png")
    # The hero is stored before the FAQ entry, which has no question, is refused.
    broken = item(hero=hero(picture), faq=[("", "<p>An answer.</p>")])

    outcome = write_article(broken, user=importer)

    assert outcome.action == "failed"
    media = Path(settings.MEDIA_ROOT)
    assert not [path for path in media.rglob("*") if path.is_file()]


def test_an_existing_redirect_elsewhere_is_left_alone(importer):
    Redirect.objects.create(old_path="/old/", target="https://example.org/x")

    outcome = write_article(item(old_paths=["/old/"]), user=importer)

    assert Redirect.objects.get(old_path="/old/").target == "https://example.org/x"
    assert "/old/" in outcome.reason


def test_a_second_run_keeps_its_own_redirect(importer):
    write_article(item(old_paths=["/old/"]), user=importer)
    outcome = write_article(item(old_paths=["/old/"]), user=importer)

    assert Redirect.objects.get(old_path="/old/").target == "/articles/first-piece/"
    assert "/old/" not in outcome.reason
