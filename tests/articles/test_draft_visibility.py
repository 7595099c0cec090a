from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def hidden_articles(section, author):
    return [
        make_article(title="Secret draft", status=Status.DRAFT, section=section,
                     authors=[author], tags=["security"]),
        make_article(title="Future scoop", section=section, authors=[author],
                     tags=["security"], published_at=timezone.now() + timedelta(hours=2)),
    ]  # fmt: skip


@pytest.fixture
def section():
    return make_section(name="Explainers")


@pytest.fixture
def author():
    return make_author(name="Dana Reyes")


def list_urls(section, author):
    return [
        reverse("articles:index"),
        section.get_absolute_url(),
        reverse("articles:tag", args=["security"]),
        author.get_absolute_url(),
    ]


def test_draft_and_scheduled_articles_are_404_to_readers(client, section, author):
    for article in hidden_articles(section, author):
        assert client.get(article.get_absolute_url()).status_code == 404


def test_draft_and_scheduled_articles_are_absent_from_every_list(
    client, section, author
):
    hidden_articles(section, author)
    make_article(
        title="Public story", section=section, authors=[author], tags=["security"]
    )
    for url in list_urls(section, author):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert "Public story" in content, url
        assert "Secret draft" not in content, url
        assert "Future scoop" not in content, url


def test_scheduled_article_appears_once_its_time_comes(client, section, author):
    article = make_article(title="Future scoop", section=section, authors=[author],
                           published_at=timezone.now() + timedelta(hours=2))  # fmt: skip
    assert client.get(article.get_absolute_url()).status_code == 404
    # Moving the clock is moving the publish time back: no cron job involved.
    article.published_at = timezone.now() - timedelta(seconds=1)
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Future scoop" in client.get(reverse("articles:index")).content.decode()


def test_staff_preview_shows_draft_with_banner_noindex_and_no_cache(editor_client):
    article = make_article(title="Secret draft", status=Status.DRAFT)
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "Draft preview" in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert "no-cache" in response["Cache-Control"]
    assert (
        "private" in response["Cache-Control"]
        or "no-store" in response["Cache-Control"]
    )


def test_staff_preview_of_scheduled_article_names_its_time(editor_client):
    article = make_article(published_at=timezone.now() + timedelta(days=1))
    content = editor_client.get(article.get_absolute_url()).content.decode()
    assert "Scheduled for" in content


def test_published_article_has_no_preview_banner_or_noindex(editor_client):
    article = make_article()
    content = editor_client.get(article.get_absolute_url()).content.decode()
    assert "Draft preview" not in content
    assert "noindex" not in content


def test_staff_without_change_permission_gets_404_for_draft(client, django_user_model):
    user = django_user_model.objects.create_user("intern", password="pw", is_staff=True)
    client.force_login(user)
    article = make_article(status=Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_writer_previews_own_draft(contributor, contributor_client):
    article = make_article(
        title="My draft", status=Status.DRAFT, created_by=contributor
    )
    response = contributor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()


def test_writer_cannot_preview_someone_elses_draft(contributor_client, editor):
    article = make_article(status=Status.DRAFT, created_by=editor)
    assert contributor_client.get(article.get_absolute_url()).status_code == 404


def test_writer_still_reads_published_articles(contributor_client, editor):
    article = make_article(created_by=editor)
    assert contributor_client.get(article.get_absolute_url()).status_code == 200
