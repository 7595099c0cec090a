from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from faq.models import Entry
from tests.factories import make_article, make_entry
from tests.search.pages import titles

pytestmark = pytest.mark.django_db


def test_published_article_is_found(search):
    make_article(title="Bilby sighting")

    assert titles(search(q="bilby")) == ["Bilby sighting"]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_unpublished_article_is_not_found(search, status):
    make_article(title="Bilby sighting", status=status)

    assert titles(search(q="bilby")) == []


def test_scheduled_article_is_not_found_before_its_time(search):
    make_article(
        title="Bilby sighting", published_at=timezone.now() + timedelta(hours=1)
    )

    assert titles(search(q="bilby")) == []


def test_scheduled_article_is_found_once_its_time_comes(search):
    article = make_article(
        title="Bilby sighting", published_at=timezone.now() + timedelta(hours=1)
    )
    # update() skips save(), so nothing is indexed again: only the time has moved.
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - timedelta(minutes=1)
    )

    assert titles(search(q="bilby")) == ["Bilby sighting"]


def test_article_unpublished_by_an_admin_action_is_not_found(search):
    article = make_article(title="Bilby sighting")
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)

    assert titles(search(q="bilby")) == []


def test_published_faq_entry_is_found(search):
    make_entry(question="Where do bilbies sleep?")

    assert titles(search(q="bilby")) == ["Where do bilbies sleep?"]


def test_unpublished_faq_entry_is_not_found(search):
    make_entry(question="Where do bilbies sleep?", is_published=False)

    assert titles(search(q="bilby")) == []


def test_faq_entry_unpublished_without_save_is_not_found(search):
    entry = make_entry(question="Where do bilbies sleep?")
    Entry.objects.filter(pk=entry.pk).update(is_published=False)

    assert titles(search(q="bilby")) == []
