"""The History page reads each revision as what happened, who did it, and when."""

import re
from datetime import timedelta

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from pytest_django.asserts import assertContains
from reversion.models import Revision

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _paris(settings):
    # Not UTC, so that the page can be seen to show local time.
    settings.TIME_ZONE = "Europe/Paris"


def keep_revision(article, user, comment, at):
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment(comment)
    Revision.objects.filter(comment=comment).update(date_created=at)


def history(client, article):
    return client.get(reverse("admin:articles_article_history", args=[article.pk]))


def local_today_at(hour, minute):
    now = timezone.localtime()
    return now.replace(hour=hour, minute=minute, second=0, microsecond=0)


def revision_times(response) -> list[str]:
    """The times the page shows, as written."""
    return re.findall(r"<time [^>]*>([^<]*)</time>", response.content.decode())


def test_transition_shows_what_happened_and_who(editor_client, editor):
    article = make_article()
    keep_revision(article, editor, "Published by editor", local_today_at(14, 2))

    response = history(editor_client, article)

    assertContains(response, '<th scope="row">Published by editor</th>', html=True)
    assertContains(response, '<td class="history-who">editor</td>', html=True)


def test_todays_revision_shows_its_local_time_only(editor_client, editor):
    article = make_article()
    # 14:02 in Paris: 13:02 or 12:02 UTC, depending on the season.
    keep_revision(article, editor, "Published by editor", local_today_at(14, 2))

    response = history(editor_client, article)

    assert revision_times(response) == ["14:02"]


def test_older_revision_shows_its_date_and_local_time(editor_client, editor):
    article = make_article()
    earlier = local_today_at(9, 30) - timedelta(days=3)
    keep_revision(article, editor, "Sent back by editor: shorter, please", earlier)

    response = history(editor_client, article)

    assert revision_times(response) == [date_format(earlier, "DATETIME_FORMAT")]
