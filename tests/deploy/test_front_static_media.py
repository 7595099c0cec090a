"""Static files from STATIC_ROOT and uploads from MEDIA_ROOT, served by nginx itself.

Nothing under /media/ is ever served as HTML or script: only image types by
extension, everything else as application/octet-stream, with nosniff and a CSP
that forbids everything.
"""

import pytest

from tests.factories import make_image

pytestmark = pytest.mark.urls("tests.deploy.urls_front_cache")
YEAR = "max-age=31536000"


def test_hashed_static_file_is_immutable_for_a_year(front):
    reply = front.nginx.get(front.hashed_css)

    assert reply.status == 200
    assert reply.headers["content-type"] == "text/css"
    assert reply.headers["cache-control"] == f"public, {YEAR}, immutable"


def test_static_file_without_hash_is_not_immutable(front):
    reply = front.nginx.get("/static/css/site.css")

    assert "immutable" not in reply.headers["cache-control"]


def test_static_file_is_sent_precompressed(front):
    reply = front.nginx.get(front.hashed_css, **{"Accept-Encoding": "gzip"})

    assert reply.headers["content-encoding"] == "gzip"
    assert reply.body == (front.static_root / f"{front.hashed_css[8:]}.gz").read_bytes()


def test_static_file_missing_is_404_not_the_app(front):
    reply = front.nginx.get("/static/css/missing.css")

    assert (reply.status, reply.cache) == (404, "")


@pytest.fixture
def uploaded_image(front, settings, transactional_db):
    settings.MEDIA_ROOT = front.media_root
    return make_image()


def test_uploaded_image_is_served_with_its_type(front, uploaded_image):
    reply = front.nginx.get(uploaded_image.file.url)

    assert reply.status == 200
    assert reply.headers["content-type"] == "image/jpeg"
    assert reply.body == uploaded_image.file.read()


def test_uploaded_image_is_cached_long_and_never_sniffed(front, uploaded_image):
    reply = front.nginx.get(uploaded_image.file.url)

    assert reply.headers["cache-control"] == "public, max-age=2592000"
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["content-security-policy"] == "default-src 'none'; sandbox"


HOSTILE = {
    "page.html": b"<script>alert(1)</script>",
    "page.htm": b"<script>alert(1)</script>",
    "drawing.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "code.js": b"alert(1)",
    "style.css": b"body{}",
    "page.xhtml": b"<html xmlns='http://www.w3.org/1999/xhtml'/>",
    "no-extension": b"<html><script>alert(1)</script></html>",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_other_uploads_are_served_as_bytes_only(front, name):
    (front.media_root / "hostile").mkdir(exist_ok=True)
    (front.media_root / "hostile" / name).write_bytes(HOSTILE[name])

    reply = front.nginx.get(f"/media/hostile/{name}")

    assert reply.headers["content-type"] == "application/octet-stream"
    assert reply.headers["x-content-type-options"] == "nosniff"


def test_media_folder_is_not_listed(front):
    (front.media_root / "listed").mkdir(exist_ok=True)
    (front.media_root / "listed" / "index.html").write_bytes(b"<h1>hi</h1>")

    reply = front.nginx.get("/media/listed/")

    assert reply.status == 404


def test_media_file_missing_is_404_not_the_app(front):
    reply = front.nginx.get("/media/nothing-here.jpg")

    assert (reply.status, reply.cache) == (404, "")
