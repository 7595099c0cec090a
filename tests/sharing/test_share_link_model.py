from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Status
from sharing.models import LinkStatus, ShareLink, hash_token
from tests.factories import make_article, make_share_link

pytestmark = pytest.mark.django_db


def test_default_expiry_is_seven_days():
    before = timezone.now()
    link, _ = make_share_link()
    assert (
        before + timedelta(days=7)
        <= link.expires_at
        <= timezone.now() + timedelta(days=7)
    )


def test_token_is_stored_only_as_its_hash():
    link, token = make_share_link()
    link.refresh_from_db()
    assert link.token_hash == hash_token(token)
    assert token not in {str(value) for value in vars(link).values()}


def test_tokens_are_long_and_different_every_time():
    tokens = {make_share_link()[1] for _ in range(3)}
    assert len(tokens) == 3
    # 32 random bytes in URL-safe base64.
    assert all(len(token) == 43 for token in tokens)


def test_with_token_finds_only_its_link():
    link, token = make_share_link()
    make_share_link()
    assert list(ShareLink.objects.with_token(token)) == [link]


def test_status_queryset_methods_agree_with_status_property(editor):
    active, _ = make_share_link()
    expired, _ = make_share_link(expires_at=timezone.now() - timedelta(hours=1))
    revoked, _ = make_share_link()
    revoked.revoke(by=editor)
    for link, method in [
        (active, ShareLink.objects.active),
        (expired, ShareLink.objects.expired),
        (revoked, ShareLink.objects.revoked),
    ]:
        assert list(method()) == [link]
    assert [active.status, expired.status, revoked.status] == [
        LinkStatus.ACTIVE,
        LinkStatus.EXPIRED,
        LinkStatus.REVOKED,
    ]


def test_revoking_twice_keeps_the_first_time(editor):
    link, _ = make_share_link()
    link.revoke(by=editor)
    first = link.revoked_at
    link.revoke(by=editor)
    link.refresh_from_db()
    assert link.revoked_at == first


def test_published_article_cannot_get_a_share_link():
    link = ShareLink(article=make_article())
    link.set_token()
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "article" in error.value.message_dict


def test_draft_and_in_review_articles_can_get_a_share_link():
    for status in (Status.DRAFT, Status.IN_REVIEW):
        link = ShareLink(article=make_article(status=status))
        link.set_token()
        link.full_clean()
