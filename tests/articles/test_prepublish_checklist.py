"""The pre-publish checklist: errors block publishing, warnings only advise."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from articles.checklist import check_article
from articles.models import Article, Kind, LinkKind, SeeAlsoLink, Status
from images.models import Image
from tests.admin_form import change_url, form_data
from tests.factories import make_article, make_image

GOOD_SUMMARY = "Claude can now read road maps and plan a route across a city."
TYPED_BODY = "<p>What the editor typed &amp; kept.</p>"


def article(**fields):
    """An unsaved article that passes every check unless told otherwise."""
    fields.setdefault("kind", Kind.NEWS)
    fields.setdefault("title", "Claude reads maps")
    fields.setdefault("summary", GOOD_SUMMARY)
    fields.setdefault("body", "<p>Body text.</p>")
    return Article(**fields)


def link_to(target):
    return SeeAlsoLink(kind=LinkKind.ARTICLE, target_article=target)


def messages(problems):
    return [problem.message for problem in problems]


def check(subject, links=(), tags=("maps",)):
    return check_article(subject, links, tags=tags)


# Errors


def test_article_that_passes_has_nothing_to_report():
    result = check(article())

    assert (result.errors, result.warnings) == ([], [])


@pytest.mark.parametrize("kind", [Kind.EXPLAINER, Kind.GUIDE])
def test_explainer_or_guide_without_summary_is_an_error(kind):
    result = check(article(kind=kind, summary=" ", meta_description="x" * 80))

    assert messages(result.errors) == [
        "Explainers and guides need an “In short” summary."
    ]


def test_news_without_summary_is_no_error():
    result = check(article(summary="", meta_description="x" * 80))

    assert result.errors == []


def test_hero_image_without_alt_text_is_an_error():
    result = check(article(hero=Image(alt_text="")))

    assert messages(result.errors) == [
        "The hero image has no alt text: add it in the image library."
    ]


def test_hero_image_with_alt_text_is_no_error():
    result = check(article(hero=Image(alt_text="A map on a desk")))

    assert result.errors == []


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (
            Article(title="Draft", status=Status.DRAFT),
            "See also: “Draft” is not published yet.",
        ),
        (
            Article(title="Under review", status=Status.IN_REVIEW),
            "See also: “Under review” is not published yet.",
        ),
        (
            Article(
                title="Tomorrow",
                status=Status.PUBLISHED,
                published_at=timezone.now() + timedelta(days=1),
            ),
            "See also: “Tomorrow” is scheduled for",
        ),
        (None, "See also: a link points to an article that was deleted."),
    ],
    ids=["draft", "in-review", "scheduled", "deleted"],
)
def test_see_also_link_to_unpublished_article_is_an_error(target, expected):
    result = check(article(), links=[link_to(target)])

    assert len(result.errors) == 1
    assert result.errors[0].message.startswith(expected)


def test_see_also_link_to_published_article_is_no_error():
    target = Article(title="Live", status=Status.PUBLISHED, published_at=timezone.now())

    assert check(article(), links=[link_to(target)]).errors == []


def test_see_also_link_to_article_going_live_first_is_no_error():
    # A series scheduled part by part: part two may link to part one.
    now = timezone.now()
    part_one = Article(
        title="Part one",
        status=Status.PUBLISHED,
        published_at=now + timedelta(hours=1),
    )

    result = check(
        article(published_at=now + timedelta(hours=2)), links=[link_to(part_one)]
    )

    assert result.errors == []


def test_external_see_also_link_is_no_error():
    link = SeeAlsoLink(kind=LinkKind.EXTERNAL, url="https://example.org", label="X")

    assert check(article(), links=[link]).errors == []


# Warnings


def test_headline_over_110_characters_is_a_warning():
    result = check(article(title="x" * 111))

    assert result.errors == []
    assert messages(result.warnings) == [
        "The headline has 111 characters; over 110, search results and cards "
        "cut it short."
    ]


def test_headline_of_110_characters_is_fine():
    assert check(article(title="x" * 110)).warnings == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"meta_description": "Too short."},
            "The description for search engines (from the meta description) has "
            "10 characters; aim for 50–160.",
        ),
        (
            {"meta_description": "", "summary": "y" * 161},
            "The description for search engines (from the summary) has 161 "
            "characters and will be cut at 160: write a meta description.",
        ),
        (
            {"summary": "", "body": "<p>Short body.</p>"},
            "The description for search engines (from the body) has 11 characters; "
            "aim for 50–160.",
        ),
    ],
    ids=["meta-too-short", "summary-too-long", "body-too-short"],
)
def test_description_outside_50_to_160_characters_is_a_warning(fields, expected):
    result = check(article(**fields))

    assert result.errors == []
    assert messages(result.warnings) == [expected]


def test_meta_description_is_checked_before_the_summary():
    result = check(article(meta_description="m" * 100, summary="Short."))

    assert result.warnings == []


def test_no_tags_is_a_warning():
    result = check(article(), tags=[])

    assert result.errors == []
    assert messages(result.warnings) == [
        "No tags: readers find related articles through them."
    ]


@pytest.mark.parametrize(
    ("body", "phrases"),
    [
        ("<p>This is the official guide.</p>", "“official”"),
        ("<p>Claude was OFFICIALLY released.</p>", "“OFFICIALLY”"),
        (
            "<p>Written with <b>our partner</b> Anthropic.</p>",
            "“our partner Anthropic”",
        ),
        ("<p>In partnership with\nAnthropic.</p>", "“In partnership with Anthropic”"),
        ("<p>Sponsored by the lab.</p>", "“Sponsored by”"),
        ("<p>Said on behalf of Anthropic.</p>", "“on behalf of Anthropic”"),
        ("<p>We at Anthropic think so.</p>", "“We at Anthropic”"),
        ("<p>Official.</p><p>Officially. official</p>", "“Official”, “Officially”"),
    ],
)
def test_affiliation_wording_is_a_warning_naming_the_phrase(body, phrases):
    result = check(article(body=body))

    assert result.errors == []
    assert len(result.warnings) == 1
    assert result.warnings[0].message.startswith(f"The body says {phrases}: ")


@pytest.mark.parametrize(
    "body",
    [
        "<p>Officials said nothing.</p>",
        "<p>An unofficial build.</p>",
        "<p>Anthropic's partner companies.</p>",
    ],
)
def test_neighbouring_words_are_not_affiliation_wording(body):
    assert check(article(body=body)).warnings == []


def test_saved_article_without_tags_gets_the_warning(db):
    saved = make_article(summary=GOOD_SUMMARY)

    result = check_article(saved, [])

    assert messages(result.warnings) == [
        "No tags: readers find related articles through them."
    ]


# The change form


@pytest.fixture
def draft(db):
    return make_article(status=Status.DRAFT, summary=GOOD_SUMMARY, tags=["maps"])


@pytest.fixture
def draft_target(db):
    return make_article(title="Unfinished piece", status=Status.DRAFT)


def post_change(client, article, **changes):
    url = change_url(article)
    return client.post(url, form_data(client.get(url), "article_form", **changes))


@pytest.mark.django_db
def test_change_form_shows_checklist_for_saved_article(editor_client, draft):
    draft.title = "x" * 120
    draft.save()

    response = editor_client.get(change_url(draft))

    assertContains(response, 'id="prepublish-checklist"')
    assertContains(response, "The headline has 120 characters")


@pytest.mark.django_db
def test_change_form_checklist_says_when_all_is_clear(editor_client, draft):
    response = editor_client.get(change_url(draft))

    assertContains(response, "Nothing to fix: ready to publish.")


@pytest.mark.django_db
def test_add_form_has_no_checklist_until_posted(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))

    assertNotContains(response, 'id="prepublish-checklist"')


@pytest.mark.django_db
def test_warnings_do_not_block_publishing(editor_client, draft):
    response = post_change(
        editor_client, draft, _transition="publish", title="x" * 120, tags=""
    )

    assert response.status_code == 302
    assert Article.objects.get(pk=draft.pk).status == Status.PUBLISHED


@pytest.mark.django_db
def test_publishing_with_link_to_draft_is_refused(editor_client, draft, draft_target):
    SeeAlsoLink.objects.create(article=draft, target_article=draft_target)

    response = post_change(editor_client, draft, _transition="publish", body=TYPED_BODY)

    assertContains(response, "See also: “Unfinished piece” is not published yet.")
    assert Article.objects.get(pk=draft.pk).status == Status.DRAFT


@pytest.mark.django_db
def test_refused_publishing_keeps_the_typed_body(editor_client, draft, draft_target):
    SeeAlsoLink.objects.create(article=draft, target_article=draft_target)

    response = post_change(editor_client, draft, _transition="publish", body=TYPED_BODY)

    assertContains(response, escape(TYPED_BODY))
    assert Article.objects.get(pk=draft.pk).body != TYPED_BODY


@pytest.mark.django_db
def test_publishing_with_new_link_to_draft_saves_nothing(
    editor_client, draft, draft_target
):
    response = post_change(
        editor_client,
        draft,
        _transition="publish",
        **{
            "see_also_links-TOTAL_FORMS": "1",
            "see_also_links-0-kind": LinkKind.ARTICLE,
            "see_also_links-0-target_article": draft_target.pk,
            "see_also_links-0-position": "0",
        },
    )

    assertContains(response, "See also: “Unfinished piece” is not published yet.")
    assert not SeeAlsoLink.objects.exists()
    assert Article.objects.get(pk=draft.pk).status == Status.DRAFT


@pytest.mark.django_db
def test_saving_draft_with_link_to_draft_goes_through(
    editor_client, draft, draft_target
):
    SeeAlsoLink.objects.create(article=draft, target_article=draft_target)

    response = post_change(editor_client, draft, body=TYPED_BODY)

    assert response.status_code == 302
    assert Article.objects.get(pk=draft.pk).body == TYPED_BODY


@pytest.mark.django_db
def test_refused_post_shows_checklist_as_typed(editor_client, draft, draft_target):
    SeeAlsoLink.objects.create(article=draft, target_article=draft_target)

    response = post_change(editor_client, draft, _transition="publish", tags="")

    assertContains(response, "No tags: readers find related articles through them.")


@pytest.mark.django_db
def test_publishing_with_hero_without_alt_text_is_refused(editor_client, draft):
    draft.hero = make_image(alt_text="")
    draft.save()

    response = post_change(editor_client, draft, _transition="publish")

    assertContains(
        response, "The hero image has no alt text: add it in the image library."
    )
    assert Article.objects.get(pk=draft.pk).status == Status.DRAFT


@pytest.mark.django_db
def test_saving_draft_with_hero_without_alt_text_goes_through(editor_client, draft):
    draft.hero = make_image(alt_text="")
    draft.save()

    response = post_change(editor_client, draft, body=TYPED_BODY)

    assert response.status_code == 302


@pytest.mark.django_db
def test_explainer_without_summary_is_reported_once(editor_client, draft):
    response = post_change(
        editor_client, draft, kind=Kind.EXPLAINER, summary="", _transition="publish"
    )

    assert response.context["adminform"].form.errors["summary"] == [
        "Explainers and guides need an “In short” summary."
    ]


# The publish action


def publish(client, *articles):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", ACTION_CHECKBOX_NAME: [a.pk for a in articles]},
        follow=True,
    )


@pytest.mark.django_db
def test_publish_action_refuses_link_to_draft(editor_client, draft, draft_target):
    SeeAlsoLink.objects.create(article=draft, target_article=draft_target)

    response = publish(editor_client, draft)

    assertContains(response, "Nothing was published")
    assertContains(response, "See also: “Unfinished piece” is not published yet.")
    assert Article.objects.get(pk=draft.pk).status == Status.DRAFT


@pytest.mark.django_db
def test_publish_action_ignores_warnings(editor_client, draft):
    draft.title = "x" * 120
    draft.save()

    publish(editor_client, draft)

    assert Article.objects.get(pk=draft.pk).status == Status.PUBLISHED
