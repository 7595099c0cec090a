import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_article, make_entry
from tests.search.pages import results, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def quokka_articles(section):
    return [
        make_article(title=f"Quokka sighting {n}", section=section) for n in range(25)
    ]


def test_first_page_shows_twenty_results(search, quokka_articles):
    response = search(q="quokka")

    assert len(results(response)) == 20
    assertContains(response, "25 results for")


def test_second_page_shows_the_other_five(search, quokka_articles):
    first, second = search(q="quokka"), search(q="quokka", page=2)

    assert len(results(second)) == 5
    assert not set(titles(first)) & set(titles(second))


def test_page_links_keep_the_query(search, quokka_articles):
    assertContains(search(q="quokka sighting"), 'href="?q=quokka+sighting&amp;page=2"')
    assertContains(
        search(q="quokka sighting", page=2), 'href="?q=quokka+sighting&amp;page=1"'
    )


def test_page_past_the_last_is_not_found(search, quokka_articles):
    assert search(q="quokka", page=3).status_code == 404


def test_no_results_page_names_the_query_and_suggests_where_to_look(search):
    make_article(title="Quokka sighting")

    response = search(q="xylophone")

    assert response.status_code == 200
    assertContains(response, "No results for “xylophone”")
    assertContains(response, 'href="/faq/"')
    assert results(response) == []


def test_query_is_escaped_on_the_no_results_page(search):
    response = search(q="<b>bold</b>")

    assertContains(response, "No results for “&lt;b&gt;bold&lt;/b&gt;”")


def test_empty_query_shows_a_prompt(search):
    response = search()

    assert response.status_code == 200
    assertContains(response, "What are you looking for?")
    assertNotContains(response, "No results")


def test_blank_query_shows_the_prompt(search):
    assertContains(search(q="   "), "What are you looking for?")


def test_over_long_query_gets_a_message_and_status_400(search):
    make_article(title="Quokka sighting")

    response = search(q="quokka " * 40)

    assertContains(response, "That search is too long", status_code=400)
    assert results(response) == []


def test_query_of_the_longest_length_is_searched(search):
    make_article(title="Quokka sighting")

    response = search(q="quokka " + "x" * 193)

    assert response.status_code == 200
    assertContains(response, "No results for")


def test_spaces_in_a_query_are_collapsed_before_its_length_is_checked(search):
    make_article(title="Quokka sighting")

    response = search(q="quokka" + " " * 250 + "sighting")

    assert titles(response) == ["Quokka sighting"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "NEAR(a b)",
        "a AND",
        "OR",
        "-",
        "title:x",
        "^start",
        "(",
        "'",
        "\x00",
    ],
)
def test_query_syntax_characters_never_cause_an_error(search, query):
    make_article(title="Quokka sighting")

    assert search(q=query).status_code == 200


def test_quoted_words_match_as_a_phrase(search):
    make_article(title="Quokka sighting at dawn")
    make_article(title="Dawn sighting of a quokka")

    assert titles(search(q='"quokka sighting"')) == ["Quokka sighting at dawn"]


def test_or_accepts_either_word(search):
    make_article(title="Quokka sighting", summary="")
    make_article(title="Wombat sighting", summary="")
    make_article(title="Numbat sighting", summary="")

    assert sorted(titles(search(q="quokka or wombat"))) == [
        "Quokka sighting",
        "Wombat sighting",
    ]


def test_minus_leaves_a_word_out(search):
    make_article(title="Quokka sighting", summary="")
    make_article(title="Quokka and wombat", summary="")

    assert titles(search(q="quokka -wombat")) == ["Quokka sighting"]


def test_faq_result_links_to_its_question(search):
    make_entry(question="Can a quokka swim?", slug="quokka-swim")

    assert results(search(q="quokka")) == [("/faq/#quokka-swim", "Can a quokka swim?")]


def test_search_page_asks_search_engines_not_to_index_it(search):
    assertContains(search(q="quokka"), '<meta name="robots" content="noindex">')
