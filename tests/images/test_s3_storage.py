"""With a bucket configured, every file of the library lives in it, and pages link there.

Against a real S3-compatible server (tests/images/s3.py); images are made with Pillow.
"""

import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from images.models import Image, ImageUse
from tests.factories import make_article, make_image, make_image_file
from tests.images.s3 import ImageAddresses, s3_bucket  # noqa: F401

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:images_image_add")
CONTENT_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


def add_form_data(**overrides):
    data = {
        "title": "Harbour at dawn",
        "file": make_image_file(size=(1700, 900)),
        "alt_text": "Fishing boats moored in a grey harbour",
        "caption": "",
        "credit": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }
    data.update(overrides)
    return data


def content_type_for(key: str) -> str:
    return CONTENT_TYPES["." + key.rsplit(".", 1)[-1]]


@pytest.fixture
def uploaded(s3_bucket, picture_editor_client):  # noqa: F811
    """An image added through the admin's form, and the bucket's keys before it."""
    before = set(s3_bucket.keys())
    response = picture_editor_client.post(ADD_URL, add_form_data())
    assert response.status_code == 302
    return Image.objects.get(), before


def test_upload_stores_original_and_every_rendition_in_the_bucket(
    s3_bucket,  # noqa: F811
    uploaded,
):
    image, before = uploaded
    new_keys = set(s3_bucket.keys()) - before
    assert new_keys == set(image.stored_paths())
    assert image.file.name in new_keys
    assert len(image.renditions["responsive"]) == 8  # 4 widths, WebP and JPEG


def test_stored_objects_carry_their_content_type(s3_bucket, uploaded):  # noqa: F811
    image, _before = uploaded
    types = {key: s3_bucket.head(key)["ContentType"] for key in image.stored_paths()}
    assert types == {key: content_type_for(key) for key in image.stored_paths()}


def test_article_page_images_are_served_from_the_bucket(s3_bucket, client):  # noqa: F811
    hero = make_image(file=make_image_file(size=(2000, 1000)))
    article = make_article(title="Claude reads lighthouses", hero=hero)

    content = client.get(article.get_absolute_url()).content.decode()

    urls = ImageAddresses(content).urls
    from_bucket = {url for url in urls if url.startswith(s3_bucket.media_url)}
    renditions = hero.renditions["responsive"]
    assert from_bucket == {hero.file.storage.url(item["path"]) for item in renditions}
    # The link preview's crop is in the page's metadata; fetch it too.
    assert hero.social["url"] in content
    for url in sorted(from_bucket | {hero.social["url"]}):
        with urllib.request.urlopen(url, timeout=10) as response:  # No keys: public.
            assert (response.status, response.headers["Content-Type"]) == (
                200,
                content_type_for(url),
            )


def test_urls_are_unsigned_so_pages_stay_cacheable(s3_bucket):  # noqa: F811
    image = make_image()
    srcsets = f"{image.webp_srcset}, {image.fallback_srcset}"
    urls = [image.fallback["url"], image.social["url"]] + [
        candidate.split()[0] for candidate in srcsets.split(", ")
    ]
    assert all(url.startswith(s3_bucket.media_url) for url in urls)
    assert [url for url in urls if "?" in url] == []


def test_pages_allow_images_from_the_bucket(s3_bucket, client):  # noqa: F811
    policy = client.get(reverse("articles:index"))["Content-Security-Policy"]
    origin = s3_bucket.media_url.split("/" + s3_bucket.name)[0]
    assert f"img-src 'self' {origin};" in policy


def test_refused_upload_leaves_the_bucket_unchanged(
    s3_bucket,  # noqa: F811
    picture_editor_client,
):
    before = s3_bucket.keys()
    not_an_image = SimpleUploadedFile("x.jpg", b"<html>", content_type="image/jpeg")

    response = picture_editor_client.post(ADD_URL, add_form_data(file=not_an_image))

    assert response.status_code == 200  # The form again, with its error.
    assert not Image.objects.exists()
    assert s3_bucket.keys() == before


def test_save_the_database_refuses_leaves_the_bucket_unchanged(s3_bucket):  # noqa: F811
    before = s3_bucket.keys()
    image = Image(title="No alt", alt_text=None, file=make_image_file())

    with pytest.raises(IntegrityError), transaction.atomic():
        image.save()

    assert s3_bucket.keys() == before


def test_deleting_an_image_deletes_its_objects(
    s3_bucket,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    image = make_image()
    paths = set(image.stored_paths())
    assert paths <= set(s3_bucket.keys())

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert not paths & set(s3_bucket.keys())


def test_uploads_named_alike_keep_their_own_objects(s3_bucket):  # noqa: F811
    first = make_image(file=make_image_file(name="boats.jpg", color=(200, 0, 0)))
    second = make_image(file=make_image_file(name="boats.jpg", color=(0, 0, 200)))

    assert first.file.name != second.file.name
    assert not set(first.stored_paths()) & set(second.stored_paths())
    assert set(first.stored_paths()) <= set(s3_bucket.keys())


def test_new_focal_point_crops_the_original_read_back_from_the_bucket(
    s3_bucket,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    image = make_image(file=make_image_file(size=(2000, 1000)))
    old_crop = image.renditions["social"]["path"]

    image.focal_x = 0.1
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    keys = set(s3_bucket.keys())
    assert image.renditions["social"]["path"] in keys
    assert old_crop not in keys


def test_image_pasted_into_a_body_is_kept_and_protected(s3_bucket):  # noqa: F811
    image = make_image()
    snippet = image.body_snippet()
    assert image.body_picture["url"].startswith(s3_bucket.media_url)

    article = make_article(body=f"<p>Before.</p>{snippet}")

    assert f'src="{image.body_picture["url"]}"' in article.body_html
    assert ImageUse.objects.filter(image=image, object_id=article.pk).exists()


def test_image_from_elsewhere_on_the_bucket_host_is_still_dropped(s3_bucket):  # noqa: F811
    origin = s3_bucket.media_url.split("/" + s3_bucket.name)[0]
    other = f'<p><img src="{origin}/another-bucket/x.jpg" alt="x"></p>'

    article = make_article(body=other)

    assert "<img" not in article.body_html
