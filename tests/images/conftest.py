import pytest
from django.contrib.auth.models import Permission, User


@pytest.fixture
def stored_files(settings):
    """A function listing the files under MEDIA_ROOT now, relative to it."""

    def files() -> list[str]:
        root = settings.MEDIA_ROOT
        return sorted(
            str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()
        )

    return files


@pytest.fixture
def picture_editor_client(client, db):
    """A staff user who may add, change and delete images in the library."""
    user = User.objects.create_user("picture-editor", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="images")
    )
    client.force_login(user)
    return client
