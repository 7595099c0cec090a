"""Curated "See also" links: what readers see under an article, what editors see."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, LinkKind, SeeAlsoLink, Status
from tests.admin_form import change_url, form_data
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
TYPED_BODY = "<p>What the editor typed & kept, <b>in bold</b>.</p>"


def make_link(article, **fields):
    fields.setdefault("kind", LinkKind.ARTICLE)
    if fields["kind"] == LinkKind.ARTICLE and "target_article" not in fields:
        fields["target_article"] = make_article()
    return SeeAlsoLink.objects.create(article=article, **fields)


def see_also(response) -> str:
    """The page's "See also" section, or "" when the page has none."""
    html = response.content.decode()
    match = re.search(r'<section class="see-also".*?</section>', html, re.DOTALL)
    return match.group() if match else ""


def anchor(html: str, href: str) -> str:
    """The opening <a> tag that points to href."""
    return re.search(rf'<a [^>]*href="{re.escape(escape(href))}"[^>]*>', html).group()


def new_article_form(client, **fields):
    """The add form filled in for a draft, as an editor would before saving."""
    data = form_data(client.get(ADD_URL))
    data.update(
        title="Claude learns to count",
        slug="claude-learns-to-count",
        section=make_section().pk,
        body=TYPED_BODY,
        **{"bylines-0-author": make_author().pk},
    )
    data.update(fields)
    return data


def add_link_row(data, **fields):
    """Fill in one more "See also" row, as the "Add another" button does."""
    index = int(data["see_also_links-TOTAL_FORMS"])
    data["see_also_links-TOTAL_FORMS"] = str(index + 1)
    row = {
        "id": "",
        "article": "",
        "position": str(index),
        "kind": LinkKind.ARTICLE,
        "target_article": "",
        "target_section": "",
        "url": "",
        "label": "",
        "description": "",
    }
    row.update(fields)
    data.update(
        {f"see_also_links-{index}-{name}": value for name, value in row.items()}
    )
    return data


# What readers see


def test_links_are_listed_in_position_order(client):
    article = make_article()
    make_link(article, position=2, label="Third")
    make_link(article, position=0, label="First")
    make_link(article, position=1, label="Second")

    html = see_also(client.get(article.get_absolute_url()))

    assert html.index("First") < html.index("Second") < html.index("Third")


def test_internal_link_without_label_shows_target_current_title(client):
    article, target = make_article(), make_article(title="Old headline")
    make_link(article, target_article=target)
    target.title = "New headline"
    target.save()

    response = client.get(article.get_absolute_url())

    assert "New headline" in see_also(response)
    assertNotContains(response, "Old headline")


def test_internal_link_follows_target_new_slug(client):
    article, target = make_article(), make_article(slug="old-address")
    make_link(article, target_article=target)
    target.slug = "new-address"
    target.save()

    html = see_also(client.get(article.get_absolute_url()))

    assert 'href="/articles/new-address/"' in html
    assert "old-address" not in html


def test_editor_label_replaces_target_title(client):
    article, target = make_article(), make_article(title="A long headline")
    make_link(article, target_article=target, label="Read the background")

    html = see_also(client.get(article.get_absolute_url()))

    assert "Read the background" in html
    assert "A long headline" not in html


def test_description_is_shown_under_link(client):
    article = make_article()
    make_link(article, description="How the model was trained.")

    html = see_also(client.get(article.get_absolute_url()))

    assert "How the model was trained." in html


def test_every_text_in_the_block_is_escaped(client):
    article = make_article(tags=["shared"])
    make_article(title="<b>Related</b> & more", tags=["shared"])
    make_link(article, label="<i>Label</i>", description="Say <script>hi</script>")
    make_link(article, kind=LinkKind.EXTERNAL, url='https://example.com/?a=1&b="2"')

    html = see_also(client.get(article.get_absolute_url()))

    assert "&lt;i&gt;Label&lt;/i&gt;" in html
    assert "Say &lt;script&gt;hi&lt;/script&gt;" in html
    assert "&lt;b&gt;Related&lt;/b&gt; &amp; more" in html
    assert 'href="https://example.com/?a=1&amp;b=&quot;2&quot;"' in html
    assert "<script>" not in html and "<i>" not in html


def unpublished(state):
    """A link target in the given state: draft, scheduled, or deleted."""
    if state == "draft":
        return make_article(status=Status.DRAFT)
    if state == "scheduled":
        return make_article(published_at=timezone.now() + timedelta(days=1))
    return make_article()


@pytest.mark.parametrize("state", ["draft", "scheduled", "deleted"])
def test_link_to_unpublished_article_is_hidden_from_readers(client, state):
    article, target = make_article(), unpublished(state)
    make_link(article, target_article=target, label="Hidden piece")
    make_link(article, label="Visible piece")
    if state == "deleted":
        target.delete()

    html = see_also(client.get(article.get_absolute_url()))

    assert "Visible piece" in html  # Guard: the section is there.
    assert "Hidden piece" not in html


def test_section_link_points_to_section_with_its_name(client):
    article, section = make_article(), make_section(name="Research")
    make_link(article, kind=LinkKind.SECTION, target_section=section)

    html = see_also(client.get(article.get_absolute_url()))

    assert f'<a href="{section.get_absolute_url()}">Research</a>' in html


def test_news_link_points_to_latest_news_page(client):
    article = make_article()
    make_link(article, kind=LinkKind.NEWS)

    html = see_also(client.get(article.get_absolute_url()))

    assert f'<a href="{reverse("articles:news")}">Latest news</a>' in html


def test_external_link_has_noopener_noreferrer_and_opens_in_same_tab(client):
    article = make_article()
    url = "https://example.org/report?year=2025&lang=en"
    make_link(article, kind=LinkKind.EXTERNAL, url=url, label="The report")

    tag = anchor(see_also(client.get(article.get_absolute_url())), url)

    assert 'rel="noopener noreferrer"' in tag
    assert "target=" not in tag


def test_external_link_is_marked_for_screen_readers(client):
    article = make_article()
    make_link(
        article, kind=LinkKind.EXTERNAL, url="https://example.org/", label="Report"
    )

    html = see_also(client.get(article.get_absolute_url()))

    assert '<span class="visually-hidden"> (external site)</span>' in html


def test_internal_link_is_not_marked_external(client):
    article = make_article()
    make_link(article)

    html = see_also(client.get(article.get_absolute_url()))

    assert "(external site)" not in html


def test_article_without_links_or_related_articles_has_no_see_also(client):
    article = make_article()

    response = client.get(article.get_absolute_url())

    assertNotContains(response, 'id="see-also-title"')


def test_article_with_only_hidden_links_has_no_see_also(client):
    article = make_article()
    make_link(article, target_article=make_article(status=Status.DRAFT))

    response = client.get(article.get_absolute_url())

    assertNotContains(response, 'id="see-also-title"')


# What editors see in the admin


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        ("draft", "Hidden: the article is a draft."),
        ("scheduled", "Hidden until the article is published (scheduled)."),
        ("deleted", "Hidden: the article it pointed to was deleted."),
    ],
)
def test_change_form_says_why_link_is_hidden(editor_client, state, reason):
    article, target = make_article(), unpublished(state)
    make_link(article, target_article=target)
    if state == "deleted":
        target.delete()

    response = editor_client.get(change_url(article))

    assertContains(response, reason)


def test_change_form_says_published_link_is_visible(editor_client):
    article = make_article()
    make_link(article)

    response = editor_client.get(change_url(article))

    assertContains(response, "<p>Visible</p>", html=True)


def test_change_form_picks_article_from_searchable_list(editor_client):
    response = editor_client.get(ADD_URL)

    assertContains(response, 'data-field-name="target_article"')


def test_article_search_for_link_finds_article_by_title(editor_client):
    make_article(title="Claude and the tides")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "seealsolink",
            "field_name": "target_article",
            "term": "tides",
        },
    )

    titles = [result["text"] for result in response.json()["results"]]
    assert titles == ["Claude and the tides"]


def test_editor_adds_links_with_new_article(editor_client):
    target = make_article(title="Background piece")
    data = new_article_form(editor_client)
    add_link_row(data, target_article=target.pk)
    add_link_row(data, kind=LinkKind.NEWS)

    editor_client.post(ADD_URL, data)

    links = Article.objects.get(slug="claude-learns-to-count").see_also_links.all()
    assert [(link.kind, link.text) for link in links] == [
        (LinkKind.ARTICLE, "Background piece"),
        (LinkKind.NEWS, "Latest news"),
    ]


@pytest.mark.parametrize(
    ("row", "error"),
    [
        (
            {"kind": LinkKind.EXTERNAL, "url": "not a url", "label": "Report"},
            "Enter a valid URL.",
        ),
        (
            {"kind": LinkKind.ARTICLE, "label": "Background"},
            "Pick the article to link to.",
        ),
        ({"kind": LinkKind.SECTION}, "Pick the section to link to."),
        (
            {"kind": LinkKind.EXTERNAL, "label": "Report"},
            "Paste the web address to link to.",
        ),
        (
            {"kind": LinkKind.EXTERNAL, "url": "https://example.org/"},
            "External links need link text.",
        ),
    ],
    ids=[
        "invalid-url",
        "article-not-picked",
        "section-not-picked",
        "external-without-url",
        "external-without-label",
    ],
)
def test_link_error_saves_nothing_and_keeps_body(editor_client, row, error):
    data = add_link_row(new_article_form(editor_client), **row)

    response = editor_client.post(ADD_URL, data)

    assertContains(response, error)
    assertContains(response, escape(TYPED_BODY))
    assert not Article.objects.filter(slug="claude-learns-to-count").exists()
    assert not SeeAlsoLink.objects.exists()


def test_link_to_article_itself_is_a_form_error(editor_client):
    article = make_article()
    data = add_link_row(
        form_data(editor_client.get(change_url(article))), target_article=article.pk
    )

    response = editor_client.post(change_url(article), data)

    assertContains(response, "An article cannot link to itself.")
    assert not SeeAlsoLink.objects.exists()
