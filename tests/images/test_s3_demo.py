"""The demo publication loads with its media in a bucket, and its pages show it."""

import urllib.request

import pytest

from articles.models import Author
from images.models import Image
from tests.images.s3 import ImageAddresses, s3_bucket  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def bucket(s3_bucket, demo_site):  # noqa: F811
    """The bucket the module's one demo load (tests/conftest.py) stored its media in."""
    return s3_bucket


def test_demo_media_is_all_in_the_bucket(bucket, demo):
    expected = {path for image in Image.objects.all() for path in image.stored_paths()}
    expected |= {author.photo.name for author in Author.objects.exclude(photo="")}
    assert Image.objects.exists()
    assert expected == set(bucket.keys())


def test_demo_home_page_images_answer_from_the_bucket(bucket, demo, client):
    content = client.get("/").content.decode()

    urls = ImageAddresses(content).urls
    assert urls
    assert all(url.startswith(bucket.media_url) for url in urls)
    for url in sorted(urls):
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
