import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_article, make_entry

pytestmark = pytest.mark.django_db


def test_matched_word_in_title_is_marked(search):
    make_article(title="Echidna spines explained", summary="", body="<p>Sharp.</p>")

    assertContains(search(q="echidna"), "<mark>Echidna</mark> spines explained")


def test_matched_word_in_summary_is_marked_in_the_excerpt(search):
    make_article(title="A slow morning", summary="The echidna took its time.")

    assertContains(search(q="echidna"), "The <mark>echidna</mark> took its time.")


def test_matched_word_in_body_is_marked_in_the_excerpt(search):
    make_article(
        title="A slow morning",
        summary="Nothing happened.",
        body="<p>Then an <strong>echidna</strong> walked past.</p>",
    )

    assertContains(search(q="echidna"), "Then an <mark>echidna</mark> walked past.")


def test_matched_faq_question_is_marked(search):
    make_entry(question="Do echidnas lay eggs?", answer="<p>Yes, one at a time.</p>")

    assertContains(search(q="echidna"), "Do <mark>echidnas</mark> lay eggs?")


def test_title_with_a_script_tag_is_escaped(search):
    make_article(title="<script>alert(1)</script> Echidna facts", summary="")

    response = search(q="echidna")

    assertContains(
        response, "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Echidna</mark>"
    )
    assertNotContains(response, "<script>alert(1)")


def test_body_markup_is_shown_as_text(search):
    make_article(
        title="Comparisons",
        summary="",
        body="<p>For an echidna, 3 &lt; 4 &amp; <em>spines</em> &gt; fur.</p>",
    )

    assertContains(
        search(q="echidna"),
        "For an <mark>echidna</mark>, 3 &lt; 4 &amp; spines &gt; fur.",
    )


def test_words_in_adjacent_html_blocks_stay_apart(search):
    make_article(
        title="Headings", summary="", body="<h2>Platypus</h2><p>Echidna next.</p>"
    )

    assertContains(search(q="echidna"), "Platypus <mark>Echidna</mark> next.")


def test_marker_characters_in_content_cannot_add_a_highlight(search):
    make_article(title="Echidna \ue000fake\ue001 mark", summary="")

    response = search(q="echidna")

    assertContains(response, "<mark>Echidna</mark> fake mark")
    assertNotContains(response, "<mark>fake</mark>")
