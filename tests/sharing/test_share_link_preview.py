"""An anonymous reader opens a share link: the draft as it stands, or a refusal."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import LinkKind, SeeAlsoLink, Status
from faq.models import ArticleEntry
from tests.factories import make_article, make_entry, make_share_link

pytestmark = pytest.mark.django_db


def preview_path(token):
    return reverse("sharing:preview", args=[token])


@pytest.fixture
def draft():
    return make_article(
        title="Claude gets a new memory",
        body="<p>First version of the draft.</p>",
        status=Status.DRAFT,
    )


def test_valid_link_shows_draft_to_anonymous_reader(client, draft):
    _, token = make_share_link(article=draft)
    response = client.get(preview_path(token))
    assert response.status_code == 200
    assertContains(response, "Claude gets a new memory")
    assertContains(response, "First version of the draft.")


def test_preview_shows_draft_as_it_is_now(client, draft):
    _, token = make_share_link(article=draft)
    client.get(preview_path(token))
    draft.body = "<p>Second version, after the fact-check.</p>"
    draft.save()
    response = client.get(preview_path(token))
    assertContains(response, "Second version, after the fact-check.")
    assertNotContains(response, "First version of the draft.")


def test_preview_banner_says_not_published_and_when_link_expires(client, draft):
    expires_at = timezone.now() + timedelta(days=3)
    _, token = make_share_link(article=draft, expires_at=expires_at)
    response = client.get(preview_path(token))
    assertContains(response, "Not published yet.")
    assertContains(
        response, f'it expires on <time datetime="{expires_at:%Y-%m-%dT%H:%M:%S}'
    )
    # The staff banner's admin link is for staff, not for whoever has the link.
    assertNotContains(response, "Edit in the admin")


def test_preview_of_scheduled_article_names_its_time(client):
    article = make_article(published_at=timezone.now() + timedelta(days=2))
    _, token = make_share_link(article=article)
    response = client.get(preview_path(token))
    assert response.status_code == 200
    assertContains(response, "of an article scheduled for")


def test_preview_is_not_indexed(client, draft):
    _, token = make_share_link(article=draft)
    response = client.get(preview_path(token))
    assertContains(response, '<meta name="robots" content="noindex, nofollow">')
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_preview_is_never_cached(client, draft):
    _, token = make_share_link(article=draft)
    cache_control = client.get(preview_path(token))["Cache-Control"]
    assert "no-cache" in cache_control
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_preview_sends_no_referrer_and_names_no_canonical_address(client, draft):
    # Both would carry the secret address to another page or site.
    _, token = make_share_link(article=draft)
    response = client.get(preview_path(token))
    assert response["Referrer-Policy"] == "no-referrer"
    assertNotContains(response, 'rel="canonical"')
    assertNotContains(response, 'property="og:url"')


def test_preview_shows_faq_and_see_also_like_the_article_page(client, draft):
    ArticleEntry.objects.create(
        article=draft, entry=make_entry(question="Does it remember?")
    )
    SeeAlsoLink.objects.create(
        article=draft, kind=LinkKind.NEWS, label="All the latest news"
    )
    _, token = make_share_link(article=draft)
    response = client.get(preview_path(token))
    assertContains(response, "Does it remember?")
    assertContains(response, "All the latest news")


def test_preview_shows_site_disclaimer(client, draft):
    _, token = make_share_link(article=draft)
    assertContains(client.get(preview_path(token)), 'id="site-disclaimer"')


def test_expired_link_is_refused(client, draft):
    _, token = make_share_link(
        article=draft, expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.get(preview_path(token), follow=False)
    assert response.status_code == 410
    assertContains(response, "This preview link has expired", status_code=410)
    assertNotContains(response, "First version of the draft.", status_code=410)


def test_link_stops_working_when_its_time_comes(client, draft):
    link, token = make_share_link(article=draft)
    assert client.get(preview_path(token)).status_code == 200
    # Moving the clock is moving the expiry back.
    link.expires_at = timezone.now() - timedelta(seconds=1)
    link.save()
    assert client.get(preview_path(token)).status_code == 410


def test_revoked_link_is_refused(client, sharing_editor, draft):
    link, token = make_share_link(article=draft)
    link.revoke(by=sharing_editor)
    response = client.get(preview_path(token))
    assert response.status_code == 410
    assertContains(response, "This preview link has been revoked", status_code=410)
    assertNotContains(response, "First version of the draft.", status_code=410)


def test_refusal_page_is_not_indexed_or_cached(client, sharing_editor, draft):
    link, token = make_share_link(article=draft)
    link.revoke(by=sharing_editor)
    response = client.get(preview_path(token))
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def tampered(token):
    return token[:-1] + ("A" if token[-1] != "A" else "B")


@pytest.mark.parametrize(
    "bad_token",
    [tampered, lambda token: token[:-4], lambda token: "x" * len(token)],
    ids=["one-character-changed", "shortened", "made-up"],
)
def test_tampered_or_unknown_token_is_plain_404(client, draft, bad_token):
    _, token = make_share_link(article=draft)
    response = client.get(preview_path(bad_token(token)))
    assert response.status_code == 404
    assertNotContains(response, "preview link", status_code=404)
    assertNotContains(response, "Claude gets a new memory", status_code=404)


def test_published_article_link_redirects_to_public_url(client, draft):
    _, token = make_share_link(article=draft)
    draft.status = Status.PUBLISHED
    draft.published_at = timezone.now() - timedelta(minutes=1)
    draft.save()
    response = client.get(preview_path(token))
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()


def test_expired_link_to_published_article_still_redirects(client):
    article = make_article()
    _, token = make_share_link(
        article=article, expires_at=timezone.now() - timedelta(days=1)
    )
    response = client.get(preview_path(token))
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()


def test_revoked_link_to_published_article_stays_refused(client, sharing_editor):
    link, token = make_share_link(article=make_article())
    link.revoke(by=sharing_editor)
    assert client.get(preview_path(token)).status_code == 410


def test_link_to_draft_does_not_open_the_article_page(client, draft):
    # The link shows the draft at its own address only.
    make_share_link(article=draft)
    assert client.get(draft.get_absolute_url()).status_code == 404
