"""Uploads are checked by their content, and a refused upload leaves nothing behind."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image as PILImage
from pytest_django.asserts import assertContains

from images.models import Image
from tests.factories import make_image_file

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:images_image_add")
NOT_AN_IMAGE = "This file is not a JPEG, PNG, WebP or GIF image"
DAMAGED = "This image is damaged or incomplete"


def add_form_data(**overrides):
    data = {
        "title": "Harbour at dawn",
        "file": make_image_file(),
        "alt_text": "Fishing boats moored in a grey harbour",
        "caption": "",
        "credit": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }
    data.update(overrides)
    return data


def upload(name, data: bytes, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def jpeg_bytes(size=(640, 360)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body))
        + kind
        + body
        + struct.pack(">I", zlib.crc32(kind + body))
    )


def png_claiming(width: int, height: int) -> bytes:
    """A PNG of a few hundred bytes whose header claims width x height pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    rows = zlib.compress(b"\0" * (width + 1) * 4)  # Four rows of the promised many.
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", rows)
        + png_chunk(b"IEND", b"")
    )


REFUSED = [
    pytest.param(
        lambda: upload("photo.jpg", b"Just some words, not a picture.\n"),
        NOT_AN_IMAGE,
        id="text-named-jpg",
    ),
    pytest.param(
        lambda: upload(
            "scan.png",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
            "image/png",
        ),
        NOT_AN_IMAGE,
        id="pdf-named-png",
    ),
    pytest.param(
        lambda: upload(
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b"<script>alert(1)</script></svg>",
            "image/png",
        ),
        NOT_AN_IMAGE,
        id="svg-named-png",
    ),
    pytest.param(
        lambda: make_image_file("old.jpg", fmt="BMP"),
        NOT_AN_IMAGE,
        id="bmp-named-jpg",
    ),
    pytest.param(
        lambda: upload("cut.jpg", jpeg_bytes()[:2000]),
        DAMAGED,
        id="truncated-jpeg",
    ),
    pytest.param(
        lambda: upload("bomb.png", png_claiming(50_000, 50_000), "image/png"),
        "Images can be at most 25 megapixels",
        id="decompression-bomb",
    ),
    pytest.param(
        lambda: upload("bomb.png", png_claiming(10_000, 8_000), "image/png"),
        "this one is 10000 × 8000 pixels (80 megapixels)",
        id="decompression-bomb-under-pillows-own-limit",
    ),
]


@pytest.mark.parametrize(("make_file", "error"), REFUSED)
def test_refused_upload_is_a_form_error(picture_editor_client, make_file, error):
    response = picture_editor_client.post(ADD_URL, add_form_data(file=make_file()))

    assert response.status_code == 200
    assertContains(response, escape(error))


@pytest.mark.parametrize(("make_file", "error"), REFUSED)
def test_refused_upload_stores_nothing(
    picture_editor_client, stored_files, make_file, error
):
    picture_editor_client.post(ADD_URL, add_form_data(file=make_file()))

    assert not Image.objects.exists()
    assert stored_files() == []


def test_file_over_the_byte_limit_is_refused_naming_the_limit(
    picture_editor_client, settings, stored_files
):
    settings.IMAGES_MAX_UPLOAD_BYTES = 1000
    response = picture_editor_client.post(ADD_URL, add_form_data())

    assertContains(response, "images can be at most 1000")
    assert not Image.objects.exists()
    assert stored_files() == []


def test_image_over_the_pixel_limit_is_refused_naming_the_limit(
    picture_editor_client, settings, stored_files
):
    settings.IMAGES_MAX_PIXELS = 100_000
    response = picture_editor_client.post(ADD_URL, add_form_data())

    assertContains(
        response,
        escape(
            "Images can be at most 0.1 megapixels; this one is 640 × 360 pixels "
            "(0.2304 megapixels)."
        ),
    )
    assert not Image.objects.exists()
    assert stored_files() == []


def test_image_without_alt_text_is_refused_and_stores_nothing(
    picture_editor_client, stored_files
):
    response = picture_editor_client.post(ADD_URL, add_form_data(alt_text=" "))

    assertContains(response, "This field is required.")
    assert not Image.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize(
    ("fmt", "stored_as"),
    [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp"), ("GIF", ".png")],
)
def test_each_accepted_format_is_stored(picture_editor_client, fmt, stored_as):
    # Named .jpg whatever it holds: the stored name follows the content.
    response = picture_editor_client.post(
        ADD_URL, add_form_data(file=make_image_file("upload.jpg", fmt=fmt))
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name.endswith(stored_as)
    assert (image.width, image.height) == (640, 360)


def test_upload_records_who_uploaded_it(picture_editor_client):
    picture_editor_client.post(ADD_URL, add_form_data())

    assert Image.objects.get().uploaded_by.username == "picture-editor"
