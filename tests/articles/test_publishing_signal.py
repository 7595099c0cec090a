"""content_changed: sent once per transition, after the commit, naming what changed."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from reversion.models import Version

from articles import publishing
from articles.models import Kind, Status
from articles.publishing import ContentChange, PublishingRefused, content_changed
from tests.admin_form import post_change_form
from tests.articles.test_publishing_paths import CHANGELIST_URL, run_action
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent():
    """The changes content_changed sends while the test runs."""
    changes = []

    def receive(sender, change, **kwargs):
        changes.append(change)

    content_changed.connect(receive)
    yield changes
    content_changed.disconnect(receive)


@pytest.fixture
def author():
    return make_author(name="Ada Writer")


def piece(author, **fields):
    fields.setdefault("section", make_section())
    return make_article(authors=[author], tags=["memory", "privacy"], **fields)


def change(transition, article, author, *, lists=()):
    return ContentChange(
        transition=transition,
        article_ids=frozenset({article.pk}),
        section_ids=frozenset({article.section_id}),
        author_ids=frozenset({author.pk}),
        tag_slugs=frozenset({"memory", "privacy"}),
        lists=frozenset(lists),
    )


LIVE_NEWS = ("home", "news", "section", "tags", "authors", "feeds", "sitemaps")


def test_publish_sends_every_list_it_appears_on(
    editor, author, sent, django_capture_on_commit_callbacks
):
    article = piece(author, status=Status.IN_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(article, user=editor)
        assert sent == []  # Not before the commit.

    assert sent == [change("publish", article, author, lists=LIVE_NEWS)]


def test_an_explainer_is_on_no_news_list(
    editor, author, sent, django_capture_on_commit_callbacks
):
    article = piece(author, status=Status.DRAFT, kind=Kind.EXPLAINER)

    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(article, user=editor)

    [sent_change] = sent
    assert "news" not in sent_change.lists
    assert "home" in sent_change.lists


def test_unpublish_sends_the_lists_it_was_on(
    editor, author, sent, django_capture_on_commit_callbacks
):
    article = piece(author)

    with django_capture_on_commit_callbacks(execute=True):
        publishing.unpublish(article, user=editor)

    assert sent == [change("unpublish", article, author, lists=LIVE_NEWS)]


def test_schedule_submit_and_send_back_change_no_list(
    editor, contributor, author, sent, django_capture_on_commit_callbacks
):
    article = piece(author, status=Status.DRAFT, created_by=contributor)

    with django_capture_on_commit_callbacks(execute=True):
        publishing.submit_for_review(article, user=contributor)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.send_back(article, user=editor, note="Cite it.")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.schedule(article, user=editor, at=timezone.now() + timedelta(days=1))

    assert sent == [
        change("submit_for_review", article, author),
        change("send_back", article, author),
        change("schedule", article, author),
    ]


def test_restore_names_the_old_and_new_section(
    editor, author, sent, django_capture_on_commit_callbacks
):
    article = piece(author)
    old_section = article.section_id
    elsewhere = make_section()

    def apply(locked):
        locked.section = elsewhere
        return []

    with django_capture_on_commit_callbacks(execute=True):
        publishing.restore_revision(article, user=editor, apply=apply)

    [sent_change] = sent
    assert sent_change.transition == "restore_revision"
    assert sent_change.section_ids == {old_section, elsewhere.pk}
    assert sent_change.lists == set(LIVE_NEWS)  # Where it was live.


def test_nothing_is_sent_on_refusal(
    editor, author, sent, django_capture_on_commit_callbacks
):
    article = piece(author, status=Status.DRAFT, kind=Kind.GUIDE, summary="")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(PublishingRefused):
            publishing.publish(article, user=editor)

    assert (sent, callbacks) == ([], [])


def test_nothing_is_sent_when_an_enclosing_transaction_rolls_back(
    editor, author, sent, django_capture_on_commit_callbacks
):
    article = piece(author, status=Status.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            publishing.publish(article, user=editor)
            transaction.set_rollback(True)

    assert sent == []
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not Version.objects.get_for_object(article).exists()


def test_each_article_of_a_list_action_is_sent_once(
    editor_client, author, sent, django_capture_on_commit_callbacks
):
    first, second = (
        piece(author, status=Status.DRAFT),
        piece(author, status=Status.DRAFT),
    )

    with django_capture_on_commit_callbacks(execute=True):
        run_action(editor_client, CHANGELIST_URL, "publish", first, second)

    assert sorted(next(iter(c.article_ids)) for c in sent) == [first.pk, second.pk]


def test_saving_a_live_article_sends_an_edit(
    editor_client, author, sent, django_capture_on_commit_callbacks
):
    article = piece(author, kind=Kind.NEWS)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_change_form(editor_client, article, title="Fixed a typo")

    assert response.status_code == 302
    assert sent == [change(publishing.EDIT, article, author, lists=LIVE_NEWS)]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_saving_an_unpublished_article_sends_nothing(
    editor_client, author, sent, django_capture_on_commit_callbacks, status
):
    article = piece(author, status=status, published_at=None)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_change_form(editor_client, article, title="Still a draft")

    assert response.status_code == 302
    assert sent == []


def test_saving_a_live_article_names_the_section_and_tag_it_left(
    editor_client, author, sent, django_capture_on_commit_callbacks
):
    article = piece(author, kind=Kind.NEWS)
    old_section = article.section
    new_section = make_section(name="Elsewhere")

    with django_capture_on_commit_callbacks(execute=True):
        post_change_form(editor_client, article, section=new_section.pk, tags="memory")

    [edit] = sent
    assert edit.section_ids == {old_section.pk, new_section.pk}
    assert edit.tag_slugs == {"memory", "privacy"}
