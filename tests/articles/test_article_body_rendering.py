import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_article

pytestmark = pytest.mark.django_db

HOSTILE_BODY = (
    "<h2>Intro</h2>"
    "<p>Before.</p><script>alert(1)</script>"
    '<img src="/media/x.png" onerror="alert(2)">'
    '<a href="javascript:alert(3)">click</a>'
    '<p style="background:url(javascript:alert(4))">Styled.</p>'
)


@pytest.mark.parametrize(
    "needle", ["<script>alert", "onerror=", "javascript:", "style="]
)
def test_hostile_body_renders_without_active_content(client, needle):
    article = make_article(body=HOSTILE_BODY)
    response = client.get(article.get_absolute_url())
    assertNotContains(response, needle)


def test_hostile_body_still_shows_its_text(client):
    article = make_article(body=HOSTILE_BODY)
    response = client.get(article.get_absolute_url())
    assertContains(response, "<p>Styled.</p>")


@pytest.mark.parametrize("field", ["title", "summary"])
def test_html_in_plain_text_field_is_escaped(client, field):
    article = make_article(**{field: "The <b>bold</b> claim"})
    response = client.get(article.get_absolute_url())
    assertContains(response, "The &lt;b&gt;bold&lt;/b&gt; claim")


@pytest.mark.parametrize("field", ["title", "summary"])
def test_html_in_plain_text_field_is_not_rendered(client, field):
    article = make_article(**{field: "The <b>bold</b> claim"})
    response = client.get(article.get_absolute_url())
    assertNotContains(response, "<b>bold</b>")


def test_article_with_two_sections_links_each_heading_from_the_toc(client):
    article = make_article(body="<h2>What happened</h2><p>a</p><h2>What next</h2>")
    response = client.get(article.get_absolute_url())
    assertContains(response, 'href="#what-happened"')
    assertContains(response, 'href="#what-next"')


def test_toc_targets_exist_in_the_body(client):
    article = make_article(body="<h2>What happened</h2><p>a</p><h2>What next</h2>")
    response = client.get(article.get_absolute_url())
    assertContains(response, '<h2 id="what-happened">What happened</h2>')
    assertContains(response, '<h2 id="what-next">What next</h2>')


def test_repeated_headings_get_distinct_toc_links(client):
    article = make_article(body="<h2>Update</h2><p>a</p><h2>Update</h2>")
    response = client.get(article.get_absolute_url())
    assertContains(response, 'href="#update-2"')


def test_article_with_one_section_has_no_toc(client):
    article = make_article(body="<h2>Only part</h2><p>a</p>")
    response = client.get(article.get_absolute_url())
    assertNotContains(response, 'href="#only-part"')


def test_heading_named_like_a_page_element_does_not_duplicate_its_id(client):
    article = make_article(body="<h2>Site disclaimer</h2><p>a</p><h2>Other</h2>")
    response = client.get(article.get_absolute_url())
    assertContains(response, 'id="site-disclaimer"', count=1)
