"""Search knows the content apps only through its registry, filled in ready()."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from articles.models import Article
from faq.models import Entry
from roles.models import ArticleInReview
from search import registry
from search.models import Document, DocumentKind
from tests.factories import make_article, make_entry

ROOT = Path(settings.BASE_DIR)


def python_files(app: str) -> list[Path]:
    return sorted((ROOT / app).rglob("*.py"))


def imported_modules(nodes) -> set[str]:
    """The top-level package of every module these import statements name."""
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def every_import(path: Path) -> set[str]:
    return imported_modules(ast.walk(ast.parse(path.read_text())))


def import_time_imports(path: Path) -> set[str]:
    """Imports that run when the module is imported: not those inside functions."""
    nodes, pending = [], list(ast.parse(path.read_text()).body)
    while pending:
        node = pending.pop()
        nodes.append(node)
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            pending.extend(ast.iter_child_nodes(node))
    return imported_modules(nodes)


@pytest.mark.parametrize("app", ["articles", "faq"])
def test_content_app_does_not_import_search(app):
    importing = [
        str(path.relative_to(ROOT))
        for path in python_files(app)
        if "search" in every_import(path)
    ]

    assert importing == []


def test_search_imports_no_content_app_at_module_level():
    importing = [
        str(path.relative_to(ROOT))
        for path in python_files("search")
        if {"articles", "faq"} & import_time_imports(path)
    ]

    assert importing == []


def test_registry_lists_articles_and_faq_entries():
    assert {
        (indexable.kind, indexable.model) for indexable in registry.indexables()
    } == {(DocumentKind.ARTICLE, Article), (DocumentKind.FAQ, Entry)}


@pytest.mark.django_db
def test_article_deleted_through_a_queryset_loses_its_document():
    make_article(title="Possum diaries")
    Article.objects.all().delete()  # As the admin's "Delete selected" does.

    assert not Document.objects.exists()


@pytest.mark.django_db
def test_faq_entry_deleted_through_a_queryset_loses_its_document():
    make_entry(question="Do possums glide?")
    Entry.objects.all().delete()

    assert not Document.objects.exists()


@pytest.mark.django_db
def test_saving_through_a_proxy_model_updates_the_document(search):
    # The review queue edits articles as roles.ArticleInReview, a proxy of Article.
    article = make_article(title="Possum diaries")
    proxy = ArticleInReview.objects.get(pk=article.pk)
    proxy.title = "Glider diaries"
    proxy.save()

    assert Document.objects.get().title == "Glider diaries"


@pytest.mark.django_db
def test_deleting_through_a_proxy_model_removes_the_document():
    article = make_article(title="Possum diaries")
    ArticleInReview.objects.get(pk=article.pk).delete()

    assert not Document.objects.exists()
