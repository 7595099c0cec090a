from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains
from taggit.models import Tag

from articles.models import Article, Kind, Status
from tests.factories import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")
TYPED_BODY = "<p>What the editor typed & kept, <b>in bold</b>.</p>"


# The see-also, FAQ and corrections inlines, posted empty.
EMPTY_INLINES = {
    f"{prefix}-{field}": "0"
    for prefix in ("see_also_links", "faq_links", "notes")
    for field in ("TOTAL_FORMS", "INITIAL_FORMS")
}


def add_form_data(section, author, **overrides):
    """What the add form posts for a news draft with one author."""
    data = {
        "kind": Kind.NEWS,
        "title": "Claude learns to count",
        "slug": "claude-learns-to-count",
        "section": section.pk,
        "summary": "",
        "body": TYPED_BODY,
        "tags": "",
        "published_at_0": "",
        "published_at_1": "",
        "meta_description": "",
        "hero": "",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        **EMPTY_INLINES,
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
        "bylines-0-id": "",
        "bylines-0-article": "",
        "bylines-0-author": author.pk,
        "bylines-0-position": "0",
    }
    data.update(overrides)
    return data


def change_form_data(article, **overrides):
    """What the change form posts for an existing article, left as it is."""
    bylines = list(article.bylines.all())
    data = {
        "kind": article.kind,
        "title": article.title,
        "slug": article.slug,
        "section": article.section_id,
        "summary": article.summary,
        "body": article.body,
        "tags": ", ".join(article.tags.names()),
        "published_at_0": "",
        "published_at_1": "",
        "meta_description": article.meta_description,
        "hero": article.hero_id or "",
        "bylines-TOTAL_FORMS": str(len(bylines)),
        "bylines-INITIAL_FORMS": str(len(bylines)),
        **EMPTY_INLINES,
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
    }
    if article.published_at:
        local = timezone.localtime(article.published_at)
        data["published_at_0"] = local.strftime("%Y-%m-%d")
        data["published_at_1"] = local.strftime("%H:%M:%S")
    for index, byline in enumerate(bylines):
        data[f"bylines-{index}-id"] = byline.pk
        data[f"bylines-{index}-article"] = article.pk
        data[f"bylines-{index}-author"] = byline.author_id
        data[f"bylines-{index}-position"] = byline.position
    data.update(overrides)
    return data


def run_action(client, action, *articles):
    return client.post(
        CHANGELIST_URL,
        {"action": action, ACTION_CHECKBOX_NAME: [article.pk for article in articles]},
        follow=True,
    )


# Creating an article


def test_editor_creates_article_as_draft(editor_client, section):
    response = editor_client.post(ADD_URL, add_form_data(section, make_author()))

    assert response.status_code == 302
    article = Article.objects.get(slug="claude-learns-to-count")
    assert article.status == Status.DRAFT
    assert article.published_at is None


def test_created_article_keeps_its_byline(editor_client, section):
    author = make_author(name="Ada Writer")

    editor_client.post(ADD_URL, add_form_data(section, author))

    article = Article.objects.get(slug="claude-learns-to-count")
    assert article.byline_authors == [author]


def test_created_article_body_html_is_sanitized(editor_client, section):
    body = '<p onclick="steal()">Hi</p><script>alert(1)</script>'

    editor_client.post(ADD_URL, add_form_data(section, make_author(), body=body))

    article = Article.objects.get(slug="claude-learns-to-count")
    assert article.body == body
    assert "onclick" not in article.body_html
    assert "<script" not in article.body_html
    assert "<p>Hi</p>" in article.body_html


def test_created_draft_is_not_found_by_anonymous_reader(editor_client, client, section):
    editor_client.post(ADD_URL, add_form_data(section, make_author()))
    editor_client.logout()

    article = Article.objects.get(slug="claude-learns-to-count")
    assert client.get(article.get_absolute_url()).status_code == 404


# Publishing through the change form


def test_publishing_without_time_fills_in_now(editor_client):
    article = make_article(status=Status.DRAFT)
    before = timezone.now()

    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_form_data(article, _transition="publish"),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert before <= article.published_at <= timezone.now()


def test_article_published_in_change_form_is_visible_to_readers(editor_client, client):
    article = make_article(status=Status.DRAFT)

    editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_form_data(article, _transition="publish"),
    )
    editor_client.logout()

    assertContains(client.get(article.get_absolute_url()), article.title)


def test_publishing_with_future_time_schedules_article(editor_client, client):
    article = make_article(status=Status.DRAFT)
    future = timezone.localtime(timezone.now() + timedelta(days=1))

    editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_form_data(
            article,
            _transition="schedule",
            published_at_0=future.strftime("%Y-%m-%d"),
            published_at_1=future.strftime("%H:%M:%S"),
        ),
    )
    editor_client.logout()

    article.refresh_from_db()
    assert article.is_scheduled
    assert client.get(article.get_absolute_url()).status_code == 404


# List actions


def test_publish_action_publishes_drafts(editor_client):
    first = make_article(status=Status.DRAFT)
    second = make_article(status=Status.DRAFT)

    run_action(editor_client, "publish", first, second)

    assert set(Article.objects.published()) == {first, second}


def test_publish_action_reports_how_many_were_published(editor_client):
    drafts = [make_article(status=Status.DRAFT) for _ in range(2)]
    already_live = make_article()

    response = run_action(editor_client, "publish", *drafts, already_live)

    assertContains(response, "Published 2 articles: live now.")
    assertContains(response, "Skipped 1 article: live already.")


def test_publish_action_publishes_now_a_draft_with_future_time(editor_client):
    # Publish means live now; scheduling is the change form's "Schedule".
    article = make_article(
        status=Status.DRAFT, published_at=timezone.now() + timedelta(days=1)
    )

    response = run_action(editor_client, "publish", article)

    article.refresh_from_db()
    assert article.is_published
    assertContains(response, "Published 1 article: live now.")


def test_publish_action_refuses_explainer_without_summary(editor_client):
    news = make_article(status=Status.DRAFT)
    explainer = make_article(status=Status.DRAFT, kind=Kind.EXPLAINER, summary="")

    response = run_action(editor_client, "publish", news, explainer)

    assert not Article.objects.published().exists()
    assertContains(response, "Nothing was published")
    assertContains(response, escape(explainer.title))


def test_publish_action_refuses_explainer_with_blank_summary(editor_client):
    explainer = make_article(status=Status.DRAFT, kind=Kind.EXPLAINER, summary="  ")

    response = run_action(editor_client, "publish", explainer)

    assert not Article.objects.published().exists()
    assertContains(response, "Nothing was published")


def test_publish_action_ignores_rules_on_articles_already_published(editor_client):
    draft = make_article(status=Status.DRAFT)
    old_explainer = make_article(kind=Kind.EXPLAINER, summary="")

    run_action(editor_client, "publish", draft, old_explainer)

    draft.refresh_from_db()
    assert draft.is_published


def test_unpublish_action_returns_articles_to_draft(editor_client, client):
    article = make_article()

    response = run_action(editor_client, "unpublish", article)
    editor_client.logout()

    assertContains(response, "Unpublished 1 article.")
    assert client.get(article.get_absolute_url()).status_code == 404


# Form errors: nothing saved, the editor's text kept


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        (
            {"kind": Kind.EXPLAINER, "summary": "", "_transition": "publish"},
            "Explainers and guides need an “In short” summary.",
        ),
        ({"bylines-0-author": ""}, "This field is required."),
        ({"hero": "999999"}, "Select a valid choice."),
    ],
    ids=["explainer-without-summary", "byline-without-author", "hero-not-in-library"],
)
def test_form_error_saves_nothing_and_keeps_body(
    editor_client, section, overrides, error
):
    response = editor_client.post(
        ADD_URL, add_form_data(section, make_author(), **overrides)
    )

    assertContains(response, error)
    assertContains(response, escape(TYPED_BODY))
    assert not Article.objects.exists()


def test_hero_is_picked_from_the_library(editor_client, section):
    # Uploads, and their checks, are the library's: tests/images/.
    hero = make_image(title="Lighthouse")

    response = editor_client.post(
        ADD_URL, add_form_data(section, make_author(), hero=hero.pk)
    )

    assert response.status_code == 302
    assert Article.objects.get().hero == hero


# Changelist


def test_changelist_shows_live_column(editor_client):
    make_article()

    response = editor_client.get(CHANGELIST_URL)

    assertContains(response, "column-is_live")
    assertContains(response, ">Live<")


def listed_titles(response):
    return {article.title for article in response.context["cl"].result_list}


def test_changelist_search_finds_title(editor_client):
    make_article(title="Claude writes a sonnet")
    make_article(title="Budget news")

    response = editor_client.get(CHANGELIST_URL, {"q": "sonnet"})

    assert listed_titles(response) == {"Claude writes a sonnet"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status__exact": Status.DRAFT}, {"Draft"}),
        ({"kind__exact": Kind.EXPLAINER}, {"Explainer"}),
    ],
)
def test_changelist_filters_by_status_and_kind(editor_client, params, expected):
    make_article(title="Draft", status=Status.DRAFT)
    make_article(title="Explainer", kind=Kind.EXPLAINER)
    make_article(title="News")

    response = editor_client.get(CHANGELIST_URL, params)

    assert response.status_code == 200
    assert listed_titles(response) == expected


def test_changelist_filters_by_section(editor_client):
    science = make_section(name="Science")
    make_article(title="In science", section=science)
    make_article(title="Elsewhere")

    response = editor_client.get(CHANGELIST_URL, {"section__id__exact": science.pk})

    assert response.status_code == 200
    assert listed_titles(response) == {"In science"}


def test_changelist_filters_by_tag(editor_client):
    make_article(title="Tagged", tags=["safety", "policy"])
    make_article(title="Other tag", tags=["policy"])
    make_article(title="Untagged")
    safety = Tag.objects.get(slug="safety")

    response = editor_client.get(CHANGELIST_URL, {"tags__id__exact": safety.pk})

    assert response.status_code == 200
    assert listed_titles(response) == {"Tagged"}


def test_changelist_lists_untagged_articles(editor_client):
    make_article(title="Tagged", tags=["safety"])
    make_article(title="Untagged")

    response = editor_client.get(CHANGELIST_URL, {"tags__isnull": "True"})

    assert response.status_code == 200
    assert listed_titles(response) == {"Untagged"}


def test_changelist_offers_only_tags_in_use(editor_client):
    make_article(tags=["safety"])
    Tag.objects.create(name="unused", slug="unused")

    response = editor_client.get(CHANGELIST_URL)

    assertContains(response, f"?tags__id__exact={Tag.objects.get(slug='safety').pk}")
    assertNotContains(response, "unused")


# Change form


def test_change_form_links_to_article_on_site(editor_client):
    article = make_article()

    response = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )

    assertContains(response, "View on site")
