import pytest
from django.contrib.auth.models import Permission


@pytest.fixture
def faq_editor_client(editor_client, editor):
    """An editor who may also write FAQ entries and place them on articles."""
    editor.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="faq")
    )
    return editor_client
