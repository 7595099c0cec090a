"""One upload's work is bounded: the pixel cap fits a camera frame, and the form says so."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image as PILImage
from pytest_django.asserts import assertContains

from images.models import Image

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:images_image_add")


def solid_png(size) -> SimpleUploadedFile:
    """A real PNG of size pixels; one colour compresses to a few kilobytes."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")


def add_form_data(file):
    return {
        "title": "Big picture",
        "file": file,
        "alt_text": "A blue square",
        "caption": "",
        "credit": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }


def test_image_just_over_the_cap_is_refused_naming_the_limit(
    picture_editor_client, stored_files
):
    response = picture_editor_client.post(
        ADD_URL, add_form_data(solid_png((5001, 5000)))
    )

    assert response.status_code == 200
    assertContains(
        response,
        escape(
            "Images can be at most 25 megapixels; this one is 5001 × 5000 pixels "
            "(25.005 megapixels)."
        ),
    )
    assert not Image.objects.exists()
    assert stored_files() == []


def test_image_at_the_cap_is_stored(picture_editor_client):
    response = picture_editor_client.post(
        ADD_URL, add_form_data(solid_png((5000, 5000)))
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (5000, 5000)
    assert [item["width"] for item in image.renditions["responsive"]][-1] == 1600


def test_upload_form_states_the_limits(picture_editor_client):
    response = picture_editor_client.get(ADD_URL)

    # filesizeformat keeps the number and its unit together with a no-break space.
    assertContains(response, "At most 20.0\u00a0MB and 25 megapixels")
    assertContains(response, "6000 × 4000 pixels")
