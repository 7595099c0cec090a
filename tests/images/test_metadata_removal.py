"""No stored file keeps the EXIF (GPS position included) or comments of an upload."""

import pytest
from PIL import ExifTags, Image as PILImage

from tests.factories import make_image, make_photo_file

pytestmark = pytest.mark.django_db


def stored_paths(image) -> list[str]:
    return [
        image.file.name,
        *(item["path"] for item in image.renditions["responsive"]),
        image.renditions["social"]["path"],
    ]


FORMATS = ["JPEG", "WEBP", "PNG"]


@pytest.fixture(params=FORMATS)
def phone_photo(request):
    """A library image made from a photo carrying GPS EXIF, in each format."""
    return make_image(file=make_photo_file(fmt=request.param))


@pytest.mark.parametrize("fmt", FORMATS)
def test_sample_photo_does_carry_a_gps_position(fmt):
    # Guard: the tests below would pass on a photo without EXIF.
    with PILImage.open(make_photo_file(fmt=fmt)) as photo:
        photo.load()
        assert photo.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_stored_files_have_no_exif(phone_photo):
    for path in stored_paths(phone_photo):
        with (
            phone_photo.file.storage.open(path) as stored,
            PILImage.open(stored) as image,
        ):
            assert not image.getexif(), path
            assert "exif" not in image.info, path


def test_stored_files_have_no_gps_position(phone_photo):
    for path in stored_paths(phone_photo):
        with (
            phone_photo.file.storage.open(path) as stored,
            PILImage.open(stored) as image,
        ):
            assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo), path


def test_stored_files_contain_no_trace_of_the_metadata(phone_photo):
    for path in stored_paths(phone_photo):
        with phone_photo.file.storage.open(path) as stored:
            data = stored.read()
        for trace in (b"Exif", b"EXIF", b"eXIf", b"PhoneMaker", b"Taken at home"):
            assert trace not in data, (path, trace)


def test_orientation_is_applied_before_the_exif_goes(phone_photo):
    # Saved 600x400 with "turn a quarter clockwise": readers must see it upright.
    assert (phone_photo.width, phone_photo.height) == (400, 600)
    with phone_photo.file.open("rb") as stored, PILImage.open(stored) as image:
        assert image.size == (400, 600)
