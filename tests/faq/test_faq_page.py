"""The site-wide FAQ page, /faq/: every published entry, grouped by topic."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_entry, make_topic
from tests.faq.structured_data import faq_pages, questions_and_answers
from tests.page import count_queries

pytestmark = pytest.mark.django_db

FAQ_URL = reverse("faq:index")


def page_text(client) -> str:
    """The page's main content, where readers read (JSON-LD sits in the head)."""
    content = client.get(FAQ_URL).content.decode()
    return content[content.index('<main id="main"') :]


def positions(content: str, *texts: str) -> list[int]:
    return [content.index(text) for text in texts]


def test_topics_appear_in_topic_order(client):
    later = make_topic(name="Pricing", order=2)
    first = make_topic(name="Safety", order=1)
    make_entry(topic=later, question="What does it cost?")
    make_entry(topic=first, question="Is it safe?")

    content = page_text(client)

    safety, pricing = positions(content, ">Safety</h2>", ">Pricing</h2>")
    assert safety < pricing


def test_entries_sit_under_their_own_topic(client):
    safety = make_topic(name="Safety", order=1)
    pricing = make_topic(name="Pricing", order=2)
    make_entry(topic=pricing, question="What does it cost?")
    make_entry(topic=safety, question="Is it safe?")

    content = page_text(client)

    safety_heading, safe, pricing_heading, cost = positions(
        content, ">Safety</h2>", "Is it safe?", ">Pricing</h2>", "What does it cost?"
    )
    assert safety_heading < safe < pricing_heading < cost


def test_entries_within_a_topic_follow_their_order(client):
    topic = make_topic()
    make_entry(topic=topic, question="Asked third?", order=3)
    make_entry(topic=topic, question="Asked first?", order=1)
    make_entry(topic=topic, question="Asked second?", order=2)

    content = page_text(client)

    first, second, third = positions(
        content, "Asked first?", "Asked second?", "Asked third?"
    )
    assert first < second < third


def test_each_question_is_an_anchor_named_by_its_slug(client):
    make_entry(question="Can Claude browse?", slug="can-claude-browse")

    response = client.get(FAQ_URL)

    assertContains(response, '<details id="can-claude-browse">')


def test_each_question_has_a_visible_permalink_to_its_anchor(client):
    entry = make_entry(question="Can Claude browse?", slug="can-claude-browse")

    response = client.get(FAQ_URL)

    assertContains(response, 'href="#can-claude-browse"')
    assert entry.get_absolute_url() == "/faq/#can-claude-browse"


def test_question_opens_to_its_sanitized_answer(client):
    make_entry(
        question="Is it free?",
        slug="is-it-free",
        answer="<p>Partly. See <a href='/pricing/'>pricing</a>.</p>",
    )

    response = client.get(FAQ_URL)

    assertContains(
        response,
        '<details id="is-it-free"><summary>Is it free?</summary>'
        '<div class="prose"><p>Partly. See <a href="/pricing/">pricing</a>.</p></div>'
        "</details>",
        html=True,
    )


def test_unpublished_entry_is_not_on_faq_page(client):
    make_entry(question="Still drafting this?", is_published=False)

    response = client.get(FAQ_URL)

    assertNotContains(response, "Still drafting this?")


def test_topic_with_only_unpublished_entries_is_not_on_faq_page(client):
    make_entry(topic=make_topic(name="Roadmap"), is_published=False)
    make_entry(topic=make_topic(name="Safety"))

    response = client.get(FAQ_URL)

    assertNotContains(response, "Roadmap")


def test_faq_page_without_entries_says_so(client):
    make_entry(is_published=False)

    response = client.get(FAQ_URL)

    assertContains(response, "No questions answered yet.")
    assert faq_pages(response) == []


def test_script_and_handler_in_an_answer_never_reach_faq_page(client):
    make_entry(answer='<p onclick="steal()">Yes.</p><script>alert("xss")</script>')

    response = client.get(FAQ_URL)

    assertContains(response, "<p>Yes.</p>")
    assertNotContains(response, "<script>alert")
    assertNotContains(response, "onclick")


def test_jsonld_lists_questions_and_answers_in_page_order(client):
    second_topic = make_topic(order=2)
    first_topic = make_topic(order=1)
    make_entry(topic=second_topic, question="Third?", answer="<p>C</p>")
    make_entry(topic=first_topic, question="Second?", answer="<p>B</p>", order=2)
    make_entry(topic=first_topic, question="First?", answer="<p>A</p>", order=1)

    [faq_page] = faq_pages(client.get(FAQ_URL))

    assert faq_page["@context"] == "https://schema.org"
    assert questions_and_answers(faq_page) == [
        ("First?", "<p>A</p>"),
        ("Second?", "<p>B</p>"),
        ("Third?", "<p>C</p>"),
    ]


def test_jsonld_answers_are_the_sanitized_html(client):
    make_entry(
        question="Safe?", answer='<p onclick="x()">Yes</p><script>bad()</script>'
    )

    [faq_page] = faq_pages(client.get(FAQ_URL))

    assert questions_and_answers(faq_page) == [("Safe?", "<p>Yes</p>bad()")]


def test_unpublished_entry_is_not_in_jsonld(client):
    make_entry(question="Published?")
    make_entry(question="Hidden?", is_published=False)

    [faq_page] = faq_pages(client.get(FAQ_URL))

    assert [name for name, _ in questions_and_answers(faq_page)] == ["Published?"]


def test_question_with_a_closing_script_tag_cannot_leave_the_jsonld(client):
    question = "Is it safe? </script><script>alert(1)</script>"
    make_entry(question=question, slug="is-it-safe")

    response = client.get(FAQ_URL)

    assert "</script><script>alert(1)" not in response.content.decode()
    [faq_page] = faq_pages(response)
    assert faq_page["mainEntity"][0]["name"] == question


def test_faq_page_query_count_is_constant_as_entries_grow(client):
    make_entry(tags=["safety"])
    small = count_queries(client, FAQ_URL)

    for _ in range(4):
        topic = make_topic()
        for order in range(5):
            make_entry(topic=topic, order=order, tags=["safety", "pricing"])
    big = count_queries(client, FAQ_URL)

    assert small == big


def test_disclaimer_is_on_faq_page(client):
    make_entry()

    response = client.get(FAQ_URL)

    assertContains(response, 'id="site-disclaimer"')
