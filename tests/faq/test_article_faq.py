"""The FAQ block on an article page: the editor's entries, as disclosure widgets."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from faq.models import ArticleEntry
from tests.factories import make_article, make_entry
from tests.faq.structured_data import faq_pages, questions_and_answers
from tests.page import count_queries

pytestmark = pytest.mark.django_db


def place(article, *entries):
    """Put entries on the article in the order given."""
    for position, entry in enumerate(entries):
        ArticleEntry.objects.create(article=article, entry=entry, position=position)


def page_text(client, article) -> str:
    """The article's main content, where readers read."""
    content = client.get(article.get_absolute_url()).content.decode()
    return content[content.index('<main id="main"') :]


def test_article_shows_its_entries_as_disclosure_widgets(client):
    article = make_article()
    place(
        article,
        make_entry(question="Is it free?", slug="is-it-free", answer="<p>Partly.</p>"),
    )

    response = client.get(article.get_absolute_url())

    assertContains(
        response,
        '<h2 id="faq-title">Frequently asked questions</h2>',
        html=True,
    )
    assertContains(response, '<section class="faq" aria-labelledby="faq-title">')
    assertContains(
        response,
        '<details id="faq-is-it-free"><summary>Is it free?</summary>'
        '<div class="prose"><p>Partly.</p></div></details>',
        html=True,
    )


def test_article_entries_follow_the_editors_positions(client):
    article = make_article()
    first, second, third = (
        make_entry(question=f"{n}?") for n in ("One", "Two", "Three")
    )
    ArticleEntry.objects.create(article=article, entry=third, position=3)
    ArticleEntry.objects.create(article=article, entry=first, position=1)
    ArticleEntry.objects.create(article=article, entry=second, position=2)

    content = page_text(client, article)

    assert content.index("One?") < content.index("Two?") < content.index("Three?")


def test_faq_block_follows_the_article_body(client):
    article = make_article(body="<p>The body ends here.</p>")
    place(article, make_entry())

    content = page_text(client, article)

    assert content.index("The body ends here.") < content.index('id="faq-title"')


def test_article_without_entries_has_no_faq_block(client):
    article = make_article()

    response = client.get(article.get_absolute_url())

    assertNotContains(response, 'class="faq"')
    assertNotContains(response, 'id="faq-title"')
    assert faq_pages(response) == []


def test_article_with_only_unpublished_entries_has_no_faq_block(client):
    article = make_article()
    place(article, make_entry(is_published=False))

    response = client.get(article.get_absolute_url())

    assertNotContains(response, 'class="faq"')
    assert faq_pages(response) == []


def test_unpublished_entry_is_not_on_article(client):
    article = make_article()
    place(
        article,
        make_entry(question="Published?"),
        make_entry(question="Still drafting?", is_published=False),
    )

    response = client.get(article.get_absolute_url())

    assertContains(response, "Published?")
    assertNotContains(response, "Still drafting?")


def test_entry_on_two_articles_shows_on_both(client):
    shared = make_entry(question="Which model is it?")
    first, second = make_article(), make_article()
    place(first, shared)
    place(second, make_entry(), shared)

    assertContains(client.get(first.get_absolute_url()), "Which model is it?")
    assertContains(client.get(second.get_absolute_url()), "Which model is it?")


def test_shared_entry_takes_each_articles_own_position(client):
    shared = make_entry(question="Shared?")
    other = make_entry(question="Other?")
    first, second = make_article(), make_article()
    place(first, shared, other)
    place(second, other, shared)

    first_text, second_text = page_text(client, first), page_text(client, second)

    assert first_text.index("Shared?") < first_text.index("Other?")
    assert second_text.index("Other?") < second_text.index("Shared?")


def test_script_and_handler_in_an_answer_never_reach_article(client):
    article = make_article()
    place(
        article, make_entry(answer='<p onclick="steal()">Yes.</p><script>x()</script>')
    )

    response = client.get(article.get_absolute_url())

    assertContains(response, "<p>Yes.</p>")
    assertNotContains(response, "<script>x()")
    assertNotContains(response, "onclick")


def test_jsonld_lists_the_articles_questions_in_order(client):
    article = make_article()
    place(
        article,
        make_entry(question="First?", answer="<p>A</p>"),
        make_entry(question="Second?", answer="<p><em>B</em></p>"),
    )

    [faq_page] = faq_pages(client.get(article.get_absolute_url()))

    assert faq_page["@context"] == "https://schema.org"
    assert questions_and_answers(faq_page) == [
        ("First?", "<p>A</p>"),
        ("Second?", "<p><em>B</em></p>"),
    ]


def test_jsonld_leaves_out_other_articles_entries(client):
    article, other = make_article(), make_article()
    place(article, make_entry(question="Mine?"))
    place(other, make_entry(question="Theirs?"))

    [faq_page] = faq_pages(client.get(article.get_absolute_url()))

    assert [name for name, _ in questions_and_answers(faq_page)] == ["Mine?"]


def test_unpublished_entry_is_not_in_article_jsonld(client):
    article = make_article()
    place(
        article,
        make_entry(question="Published?"),
        make_entry(question="Hidden?", is_published=False),
    )

    [faq_page] = faq_pages(client.get(article.get_absolute_url()))

    assert [name for name, _ in questions_and_answers(faq_page)] == ["Published?"]


def test_question_with_a_closing_script_tag_cannot_leave_the_jsonld(client):
    question = "Is it safe? </script><script>alert(1)</script>"
    article = make_article()
    place(article, make_entry(question=question, slug="is-it-safe"))

    response = client.get(article.get_absolute_url())

    assert "</script><script>alert(1)" not in response.content.decode()
    [faq_page] = faq_pages(response)
    assert faq_page["mainEntity"][0]["name"] == question


def test_article_query_count_is_constant_as_its_faq_grows(client):
    small_article, big_article = make_article(), make_article()
    place(small_article, make_entry(tags=["safety"]))
    place(big_article, *(make_entry(tags=["safety", "pricing"]) for _ in range(8)))

    assert count_queries(client, small_article.get_absolute_url()) == count_queries(
        client, big_article.get_absolute_url()
    )
