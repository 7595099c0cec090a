"""Editors make, see and revoke share links in the admin."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Status
from sharing.models import LinkStatus, ShareLink
from tests.factories import make_article, make_share_link

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:sharing_sharelink_add")
CHANGELIST_URL = reverse("admin:sharing_sharelink_changelist")


def change_url(link):
    return reverse("admin:sharing_sharelink_change", args=[link.pk])


@pytest.fixture
def draft():
    return make_article(title="Embargoed scoop", status=Status.DRAFT)


def create(client, article, **overrides):
    data = {"article": article.pk, "expires_in_days": "7", "note": "", **overrides}
    return client.post(ADD_URL, data)


def shown_url(response) -> str:
    content = response.content.decode()
    start = content.index('value="', content.index('id="share-url"')) + len('value="')
    return content[start : content.index('"', start)]


def test_article_page_offers_to_create_a_share_link(sharing_client, draft):
    response = sharing_client.get(
        reverse("admin:articles_article_change", args=[draft.pk])
    )
    assertContains(response, "Share a preview")
    assertContains(response, f"{ADD_URL}?article={draft.pk}")


def test_article_page_lists_active_links(sharing_client, draft):
    make_share_link(article=draft, note="Fact-check: Dr Lee")
    make_share_link(article=draft, note="Old one", expires_at=timezone.now())
    response = sharing_client.get(
        reverse("admin:articles_article_change", args=[draft.pk])
    )
    assertContains(response, "Fact-check: Dr Lee")
    assertNotContains(response, "Old one")


def test_article_page_has_no_share_box_without_sharing_rights(
    article_only_client, draft
):
    response = article_only_client.get(
        reverse("admin:articles_article_change", args=[draft.pk])
    )
    assert response.status_code == 200
    assertNotContains(response, "Share a preview")


def test_add_form_starts_with_the_article_and_seven_days(sharing_client, draft):
    response = sharing_client.get(f"{ADD_URL}?article={draft.pk}")
    assertContains(response, f'<option value="{draft.pk}" selected>')
    assertContains(response, 'name="expires_in_days" value="7"')


def test_creating_a_link_shows_its_full_address_once(
    sharing_client, sharing_editor, draft, settings
):
    settings.SITE_URL = "https://news.example"
    response = create(sharing_client, draft, note="Fact-check")
    assert response.status_code == 200
    assertContains(response, "Share link created")
    url = shown_url(response)
    assert url.startswith("https://news.example/preview/")
    link = ShareLink.objects.get()
    assert (link.article, link.created_by, link.note) == (
        draft,
        sharing_editor,
        "Fact-check",
    )
    # The address is not on the link's own page: only its hash is kept.
    assertNotContains(sharing_client.get(change_url(link)), url)


def test_created_address_opens_the_draft(sharing_client, client, draft):
    url = shown_url(create(sharing_client, draft))
    sharing_client.logout()
    response = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assertContains(response, "Embargoed scoop")


def test_chosen_number_of_days_sets_the_expiry(sharing_client, draft):
    create(sharing_client, draft, expires_in_days="30")
    expires_at = ShareLink.objects.get().expires_at
    assert abs(expires_at - (timezone.now() + timedelta(days=30))) < timedelta(
        minutes=1
    )


def test_expiry_over_thirty_days_is_a_form_error(sharing_client, draft):
    response = create(sharing_client, draft, expires_in_days="31")
    assert response.status_code == 200
    assertContains(response, "A share link can last at most 30 days.")
    assert not ShareLink.objects.exists()


def test_published_article_is_a_form_error(sharing_client):
    response = create(sharing_client, make_article())
    assertContains(response, "This article is published: send its public address.")
    assert not ShareLink.objects.exists()


def test_user_without_sharing_rights_cannot_create_links(article_only_client, draft):
    assert article_only_client.get(ADD_URL).status_code == 403
    assert create(article_only_client, draft).status_code == 403
    assert not ShareLink.objects.exists()


def test_editor_role_may_create_links(editor_client, draft):
    assert create(editor_client, draft).status_code == 200
    assert ShareLink.objects.filter(article=draft).exists()


def test_contributor_role_cannot_create_links(contributor_client, draft):
    assert create(contributor_client, draft).status_code == 403
    assert not ShareLink.objects.exists()


def test_sharing_rights_without_article_rights_cannot_create_links(client, draft):
    user = User.objects.create_user("outsider", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="sharing")
    )
    client.force_login(user)
    assert create(client, draft).status_code == 403
    assert not ShareLink.objects.exists()


def test_revoke_button_revokes_the_link(sharing_client, sharing_editor, client):
    link, token = make_share_link()
    page = sharing_client.get(change_url(link))
    assertContains(page, 'name="_revoke"')
    response = sharing_client.post(change_url(link), {"_revoke": "Revoke"})
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.status, link.revoked_by) == (LinkStatus.REVOKED, sharing_editor)
    assert client.get(reverse("sharing:preview", args=[token])).status_code == 410


def test_revoked_link_offers_no_revoke_button(sharing_client, sharing_editor):
    link, _ = make_share_link()
    link.revoke(by=sharing_editor)
    assertNotContains(sharing_client.get(change_url(link)), 'name="_revoke"')


def test_revoke_action_revokes_selected_links(sharing_client):
    chosen, _ = make_share_link()
    other, _ = make_share_link()
    sharing_client.post(
        CHANGELIST_URL, {"action": "revoke", ACTION_CHECKBOX_NAME: [chosen.pk]}
    )
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert (chosen.status, other.status) == (LinkStatus.REVOKED, LinkStatus.ACTIVE)


def test_user_who_may_only_view_links_cannot_revoke(client):
    user = User.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_sharelink"))
    client.force_login(user)
    link, _ = make_share_link()
    assertNotContains(client.get(change_url(link)), 'name="_revoke"')
    assert client.post(change_url(link), {"_revoke": "Revoke"}).status_code == 403
    link.refresh_from_db()
    assert link.status == LinkStatus.ACTIVE


def test_changelist_shows_each_links_status(sharing_client, sharing_editor):
    make_share_link(note="Still good")
    make_share_link(note="Too old", expires_at=timezone.now())
    revoked, _ = make_share_link(note="Taken back")
    revoked.revoke(by=sharing_editor)
    response = sharing_client.get(CHANGELIST_URL)
    content = response.content.decode()
    for note, status in [
        ("Still good", "Active"),
        ("Too old", "Expired"),
        ("Taken back", "Revoked"),
    ]:
        row = content[content.index(note) :].split("</tr>", 1)[0]
        assert f'<td class="field-status">{status}</td>' in row


@pytest.mark.parametrize("status", ["active", "expired", "revoked"])
def test_changelist_filters_by_status(sharing_client, sharing_editor, status):
    make_share_link(note="note-active")
    make_share_link(note="note-expired", expires_at=timezone.now())
    revoked, _ = make_share_link(note="note-revoked")
    revoked.revoke(by=sharing_editor)
    response = sharing_client.get(CHANGELIST_URL, {"status": status})
    content = response.content.decode()
    shown = {n for n in ("active", "expired", "revoked") if f"note-{n}" in content}
    assert shown == {status}
