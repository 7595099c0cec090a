"""Categories, tags and wp:author entries: sections, tags and authors."""

import pytest
from taggit.models import Tag

from articles.models import Article, Author
from tests.factories import make_article
from tests.transfer.wordpress.conftest import post, run_import, write_wxr
from transfer.parts import DEFAULT_SECTION

pytestmark = pytest.mark.django_db

TERMS = """
    <category domain="category" nicename="news"><![CDATA[News]]></category>
    <category domain="category" nicename="coast"><![CDATA[Coast &amp; Sea]]></category>
    <category domain="post_tag" nicename="climate"><![CDATA[CLIMATE]]></category>
"""


@pytest.fixture
def export(tmp_path):
    return write_wxr(
        tmp_path / "export.xml", post(1, "Piece", name="piece", extra=TERMS)
    )


def test_first_category_is_the_section(importer, export):
    run_import(export)

    assert Article.objects.get().section.name == "News"


def test_other_categories_and_tags_become_tags(importer, export):
    run_import(export)

    assert sorted(Article.objects.get().tags.names()) == ["CLIMATE", "Coast & Sea"]


def test_tags_merge_with_existing_ones_ignoring_case(importer, export):
    make_article(slug="here-before").tags.add("Climate")

    run_import(export)

    assert "Climate" in Article.objects.get(slug="piece").tags.names()
    assert Tag.objects.filter(name__iexact="climate").count() == 1


def test_author_gets_the_display_name_and_a_slug_from_the_login(importer, export):
    run_import(export)

    author = Article.objects.get().authors.get()
    assert (author.name, author.slug) == ("Alice Archer", "alice")


def test_author_already_here_with_that_slug_is_reused(importer, export):
    Author.objects.create(name="Alice A.", slug="alice")

    run_import(export)

    assert Author.objects.count() == 1
    assert Article.objects.get().authors.get().name == "Alice A."


def test_post_without_a_category_goes_to_the_default_section(importer, tmp_path):
    run_import(write_wxr(tmp_path / "export.xml", post(1, "Piece")))

    assert Article.objects.get().section.name == DEFAULT_SECTION
