import pytest
from django.contrib.auth.models import Permission, User


@pytest.fixture
def sharing_editor(db):
    """An editor who may also share drafts: article rights plus share-link rights."""
    user = User.objects.create_user("sharer", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["articles", "faq", "taggit", "sharing"]
        )
    )
    return user


@pytest.fixture
def sharing_client(client, sharing_editor):
    client.force_login(sharing_editor)
    return client


@pytest.fixture
def article_only_client(client, db):
    """Logged in as staff with full article rights but none on share links."""
    user = User.objects.create_user("no-sharing", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["articles", "faq", "taggit"]
        )
    )
    client.force_login(user)
    return client
