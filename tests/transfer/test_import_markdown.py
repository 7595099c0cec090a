"""manage.py import_markdown: front matter, drafts by default, idempotence, dry runs
and broken files reported while the rest comes in."""

from datetime import UTC, datetime

import pytest
from django.core.management import CommandError

from articles.models import Article, Kind, LinkKind, Status
from faq.models import Entry
from images.models import Image
from tests.transfer.conftest import write_png
from tests.transfer.markdown import import_markdown, write_markdown

pytestmark = pytest.mark.django_db

FRONT = {
    "title": "How we test assistants",
    "kind": "explainer",
    "summary": "We test every feature we write about.",
    "section": "Explainers",
    "authors": ["Maya Okafor", {"name": "Tomás Lindqvist", "slug": "tomas"}],
    "tags": ["Testing", "Method"],
    "published_at": "2025-06-01T09:00:00+00:00",
    "status": "published",
    "hero": {"path": "pictures/hero.png", "alt": "A test bench", "credit": "Us"},
    "faq": [{"question": "Do you pay for tools?", "answer": "Yes, *always*."}],
    "see_also": [{"url": "https://example.com/method", "label": "Our method"}],
}
BODY = (
    "## Why\n\nBecause **claims** need checking.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
)


@pytest.fixture
def folder(tmp_path, importer):
    write_png(tmp_path / "pictures" / "hero.png")
    write_markdown(tmp_path, "how-we-test.md", FRONT, BODY)
    return tmp_path


def test_front_matter_fills_the_article(folder):
    import_markdown("--keep-status", folder)

    article = Article.objects.get(slug="how-we-test")
    assert article.title == "How we test assistants"
    assert article.kind == Kind.EXPLAINER
    assert article.section.name == "Explainers"
    assert [b.author.slug for b in article.bylines.all()] == ["maya-okafor", "tomas"]
    assert sorted(article.tags.names()) == ["Method", "Testing"]
    assert article.published_at == datetime(2025, 6, 1, 9, tzinfo=UTC)
    assert article.hero.alt_text == "A test bench"


def test_markdown_body_becomes_sanitized_html(folder):
    import_markdown(folder)

    html = Article.objects.get().body_html
    assert '<h2 id="why">Why</h2>' in html
    assert "<strong>claims</strong>" in html
    assert "<td>1</td>" in html


def test_faq_and_see_also_come_with_the_article(folder):
    import_markdown(folder)

    article = Article.objects.get()
    entry = Entry.objects.for_article(article).get()
    assert entry.answer_html == "<p>Yes, <em>always</em>.</p>"
    link = article.see_also_links.get()
    assert (link.kind, link.url, link.label) == (
        LinkKind.EXTERNAL,
        "https://example.com/method",
        "Our method",
    )


def test_articles_are_drafts_without_keep_status(folder):
    import_markdown(folder)

    assert Article.objects.get().status == Status.DRAFT


def test_keep_status_publishes_through_the_service_keeping_the_date(folder):
    import_markdown("--keep-status", folder)

    article = Article.objects.get()
    assert article.is_published
    assert article.published_at == datetime(2025, 6, 1, 9, tzinfo=UTC)


def test_second_run_creates_nothing_twice(folder):
    import_markdown("--keep-status", folder)

    output = import_markdown("--keep-status", folder)

    assert Article.objects.count() == 1
    assert Image.objects.count() == 1
    assert Entry.objects.count() == 1
    assert output.splitlines()[1].split() == ["article", "0", "0", "1", "0", "0"]


def test_edited_file_updates_the_article(folder):
    import_markdown(folder)
    write_markdown(folder, "how-we-test.md", {**FRONT, "title": "How we test"}, BODY)

    import_markdown(folder)

    assert Article.objects.get().title == "How we test"


def test_dry_run_reports_and_changes_nothing(folder):
    output = import_markdown("--dry-run", folder)

    assert "Dry run" in output
    assert "  create article #how-we-test How we test assistants" in output
    assert "article 1 0 0 0 0" in [
        " ".join(line.split()) for line in output.splitlines()
    ]
    assert not Article.objects.exists()
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("title: [unclosed\n", "not valid YAML"),
        ({"kind": "news"}, "no title"),
        ({"title": "Lost hero", "hero": "missing.png", "hero_alt": "x"}, "missing.png"),
    ],
    ids=["bad-yaml", "no-title", "missing-hero"],
)
def test_broken_file_is_reported_and_the_rest_imported(folder, front, problem):
    write_markdown(folder, "broken.md", front, "Text.\n")

    output = import_markdown(folder)

    assert Article.objects.get().slug == "how-we-test"
    failed = [line for line in output.splitlines() if line.strip().startswith("failed")]
    assert len(failed) == 1
    assert problem in failed[0]


def test_file_without_front_matter_is_reported(folder):
    (folder / "plain.md").write_text("# Just Markdown\n", encoding="utf-8")

    output = import_markdown(folder)

    assert "no front matter" in output
    assert Article.objects.count() == 1


def test_no_superuser_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="superuser"):
        import_markdown(tmp_path)


def test_user_without_publish_permission_is_refused(folder, contributor):
    with pytest.raises(CommandError, match="may not publish"):
        import_markdown("--user", "contributor", folder)
