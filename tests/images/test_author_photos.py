"""Author photos pass the image library's checks and are stored re-encoded, clean."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import ExifTags, Image as PILImage
from pytest_django.asserts import assertContains

from articles.models import Author
from tests.factories import make_image_file, make_photo_file

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_author_add")
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def add_form_data(photo):
    return {"name": "Maya Okafor", "slug": "maya-okafor", "bio": "", "photo": photo}


def gif_html_polyglot() -> SimpleUploadedFile:
    """A real GIF carrying HTML in a comment and after its end: a browser sniffing
    it as HTML would run the script."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 120), (200, 40, 40)).save(buffer, "GIF", comment=HTML)
    return SimpleUploadedFile("me.gif", buffer.getvalue() + HTML, "image/gif")


def png_claiming(width: int, height: int) -> SimpleUploadedFile:
    """A PNG of a few hundred bytes whose header claims width x height pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * (width * 3 + 1) * 2))
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile("huge.png", data, "image/png")


def stored_photo_bytes(author) -> bytes:
    with author.photo.open("rb") as stored:
        return stored.read()


def test_photo_with_a_gps_position_is_stored_without_exif(admin_client):
    response = admin_client.post(ADD_URL, add_form_data(make_photo_file()))

    assert response.status_code == 302
    author = Author.objects.get()
    with author.photo.open("rb") as stored, PILImage.open(stored) as image:
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert not image.getexif()
        assert image.size == (400, 600)  # Turned upright before the EXIF went.
    for trace in (b"Exif", b"PhoneMaker", b"Taken at home"):
        assert trace not in stored_photo_bytes(author)


def test_gif_html_polyglot_is_stored_as_a_png_without_the_html(admin_client):
    response = admin_client.post(ADD_URL, add_form_data(gif_html_polyglot()))

    assert response.status_code == 302
    author = Author.objects.get()
    assert author.photo.name.endswith(".png")
    data = stored_photo_bytes(author)
    assert data.startswith(b"\x89PNG")
    assert b"<script" not in data
    assert b"<html" not in data


@pytest.mark.parametrize(
    ("make_file", "error"),
    [
        pytest.param(
            lambda: png_claiming(10_000, 9_000),
            "Images can be at most 25 megapixels",
            id="10000x9000",
        ),
        pytest.param(
            lambda: make_image_file("me.bmp", fmt="BMP"),
            "This file is not a JPEG, PNG, WebP or GIF image",
            id="bmp",
        ),
    ],
)
def test_refused_photo_is_a_form_error_and_stores_nothing(
    admin_client, stored_files, make_file, error
):
    response = admin_client.post(ADD_URL, add_form_data(make_file()))

    assert response.status_code == 200
    assertContains(response, escape(error))
    assert not Author.objects.exists()
    assert stored_files() == []


def test_author_page_shows_the_stored_photo(admin_client, client):
    admin_client.post(ADD_URL, add_form_data(make_photo_file()))
    author = Author.objects.get()

    response = client.get(author.get_absolute_url())

    assertContains(response, f'src="{author.photo.url}"')
