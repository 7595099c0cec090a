"""manage.py generate_archive: a benchmark archive, bulk-inserted, fit for every page."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Author, Byline, Section, Status
from articles.sanitize import anchor_headings, sanitize_html
from demo.archive import GENERATED_PREFIX
from search import backends, index
from search.models import Document, DocumentKind
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ARTICLES, TAGS, AUTHORS, SECTIONS = 200, 15, 6, 3


def generate(**options) -> str:
    """Run the command with the small counts above; return what it wrote to stderr."""
    stderr = StringIO()
    call_command(
        "generate_archive",
        articles=ARTICLES,
        tags=TAGS,
        authors=AUTHORS,
        sections=SECTIONS,
        batch_size=64,
        stdout=StringIO(),
        stderr=stderr,
        **options,
    )
    return stderr.getvalue()


@pytest.fixture
def archive():
    return generate()


def generated():
    return Article.objects.filter(slug__startswith=GENERATED_PREFIX)


def test_it_writes_the_counts_asked_for(archive):
    assert generated().count() == ARTICLES
    assert Tag.objects.count() == TAGS
    assert Author.objects.count() == AUTHORS
    assert Section.objects.count() == SECTIONS


def test_every_article_has_bylines_and_tags(archive):
    for article in generated().prefetch_related("bylines", "tags"):
        assert 1 <= len(article.bylines.all()) <= 2
        assert 1 <= len(article.tags.all()) <= 5


def test_bylines_and_tags_are_rows_of_generated_articles(archive):
    ids = set(generated().values_list("pk", flat=True))
    assert set(Byline.objects.values_list("article_id", flat=True)) == ids
    assert set(TaggedItem.objects.values_list("object_id", flat=True)) == ids


def test_body_html_and_toc_are_what_save_would_derive(archive):
    for article in generated()[:20]:
        assert (article.body_html, article.toc) == anchor_headings(
            sanitize_html(article.body)
        )
        assert article.toc


def test_search_documents_are_what_the_index_would_write(archive):
    for article in generated()[:20]:
        stored = Document.objects.get(kind=DocumentKind.ARTICLE, object_id=article.pk)
        expected = index.document(
            DocumentKind.ARTICLE,
            article.pk,
            title=article.title,
            summary=article.summary,
            body_html=article.body_html,
        )
        assert (stored.title, stored.summary, stored.body) == (
            expected.title,
            expected.summary,
            expected.body,
        )


def test_search_finds_a_generated_article(archive):
    article = generated().published().first()
    word = article.title.split()[-1]
    page = backends.search(f'"{article.title}"', limit=50)
    assert article.pk in {hit.object_id for hit in page.hits}, word


def test_it_makes_published_scheduled_and_draft_articles(archive):
    now = timezone.now()
    assert generated().published().exists()
    assert generated().filter(status=Status.PUBLISHED, published_at__gt=now).exists()
    assert generated().exclude(status=Status.PUBLISHED).exists()


def test_generated_article_pages_answer(client, archive):
    article = generated().published().first()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_progress_is_redrawn_in_place_on_stderr(archive):
    assert archive.count("\r[") >= 2
    assert f"{ARTICLES:,}/{ARTICLES:,} articles" in archive
    assert "/s" in archive


def test_a_second_run_adds_to_the_archive(archive):
    generate()
    assert generated().count() == 2 * ARTICLES
    assert Tag.objects.count() == TAGS


def test_it_refuses_a_database_with_real_articles():
    real = make_article()
    with pytest.raises(CommandError, match="--force"):
        generate()
    assert list(Article.objects.all()) == [real]


def test_force_writes_next_to_real_articles():
    make_article()
    generate(force=True)
    assert generated().count() == ARTICLES


def test_rows_are_dated_when_written_not_when_generated(archive):
    live = generated().published()
    assert all(a.created_at == a.updated_at == a.published_at for a in live)
    assert not generated().filter(updated_at__gt=timezone.now()).exists()
