import pytest
from django.urls import reverse


@pytest.fixture
def search(client):
    """GET /search/ with these parameters: search(q="claude", page=2)."""

    def get(**params):
        return client.get(reverse("search:index"), params)

    return get
