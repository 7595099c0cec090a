import pytest

from tests.factories import make_article, make_entry
from tests.search.pages import results, titles

pytestmark = pytest.mark.django_db


def test_title_match_ranks_above_summary_match_above_body_match(search):
    make_article(
        title="Wombat burrows, mapped",
        summary="Digging season under way.",
        body="<p>Soil and tunnels.</p>",
    )
    make_article(
        title="Night walks in the bush",
        summary="We followed a wombat home.",
        body="<p>Long grass and starlight.</p>",
    )
    make_article(
        title="Australian fauna week",
        summary="Seven days, seven animals.",
        body="<p>On day three a wombat crossed the road.</p>",
    )

    assert titles(search(q="wombat")) == [
        "Wombat burrows, mapped",
        "Night walks in the bush",
        "Australian fauna week",
    ]


def test_faq_entries_are_ranked_with_articles(search):
    make_article(
        title="Numbat notes",
        summary="A numbat at dawn.",
        body="<p>Termites again.</p>",
    )
    entry = make_entry(
        question="Where do numbats live?", answer="<p>Western Australia.</p>"
    )

    assert {href for href, _ in results(search(q="numbat"))} == {
        "/articles/numbat-notes/",
        entry.get_absolute_url(),
    }


def test_words_are_matched_by_their_stem(search):
    make_article(title="Running the numbers", summary="", body="<p>Sums.</p>")

    assert titles(search(q="runs")) == ["Running the numbers"]
