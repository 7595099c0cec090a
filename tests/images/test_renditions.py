"""Renditions are made once, on upload: exact widths, never upscaled, and a social crop."""

import pytest
from PIL import Image as PILImage, ImageChops, ImageDraw

from tests.factories import make_image, make_image_file

pytestmark = pytest.mark.django_db


def rendition_table(image) -> list[tuple[int, int, str]]:
    return [
        (item["width"], item["height"], item["format"])
        for item in image.renditions["responsive"]
    ]


def opened(image, path):
    with image.file.storage.open(path) as stored:
        picture = PILImage.open(stored)
        picture.load()
    return picture


def with_red_dot(size, at) -> PILImage.Image:
    """A white picture with a red dot at `at` (fractions of width and height)."""
    picture = PILImage.new("RGB", size, "white")
    x, y = at[0] * size[0], at[1] * size[1]
    radius = max(size) // 100
    ImageDraw.Draw(picture).ellipse(
        (x - radius, y - radius, x + radius, y + radius), fill=(255, 0, 0)
    )
    return picture


def red_dot_centre(picture) -> tuple[float, float]:
    red, green, _blue = picture.convert("RGB").split()
    mask = ImageChops.multiply(
        red.point(lambda value: 255 if value > 180 else 0),
        green.point(lambda value: 255 if value < 80 else 0),
    )
    left, top, right, bottom = mask.getbbox()
    return (left + right) / 2, (top + bottom) / 2


def image_with_dot(size, dot, focal):
    picture = with_red_dot(size, dot)
    return make_image(
        file=make_image_file("dot.png", fmt="PNG", image=picture),
        focal_x=focal[0],
        focal_y=focal[1],
    )


# Responsive renditions


def test_wide_image_gets_every_width_in_webp_and_jpeg():
    image = make_image(file=make_image_file(size=(2000, 1000)))

    assert rendition_table(image) == [
        (480, 240, "WEBP"),
        (480, 240, "JPEG"),
        (800, 400, "WEBP"),
        (800, 400, "JPEG"),
        (1200, 600, "WEBP"),
        (1200, 600, "JPEG"),
        (1600, 800, "WEBP"),
        (1600, 800, "JPEG"),
    ]


def test_rendition_files_have_the_recorded_size_format_and_bytes():
    image = make_image(file=make_image_file(size=(2000, 1000)))

    for item in image.renditions["responsive"]:
        picture = opened(image, item["path"])
        assert picture.size == (item["width"], item["height"])
        assert picture.format == item["format"]
        assert image.file.storage.size(item["path"]) == item["bytes"]


def test_image_narrower_than_the_widest_rendition_is_never_upscaled():
    image = make_image(file=make_image_file(size=(1000, 500)))

    widths = sorted({width for width, _height, _format in rendition_table(image)})
    assert widths == [480, 800, 1000]


def test_small_image_gets_one_rendition_at_its_own_width():
    image = make_image(file=make_image_file(size=(300, 200)))

    assert rendition_table(image) == [(300, 200, "WEBP"), (300, 200, "JPEG")]


def test_srcsets_list_every_width_once(settings):
    image = make_image(file=make_image_file(size=(2000, 1000)))

    for srcset, extension in (
        (image.webp_srcset, ".webp"),
        (image.fallback_srcset, ".jpg"),
    ):
        candidates = [candidate.split() for candidate in srcset.split(", ")]
        assert [width for _url, width in candidates] == [
            "480w",
            "800w",
            "1200w",
            "1600w",
        ]
        assert all(url.endswith(extension) for url, _width in candidates)


def test_transparent_png_falls_back_to_png_and_keeps_its_transparency():
    picture = PILImage.new("RGBA", (900, 600), (0, 0, 0, 0))
    ImageDraw.Draw(picture).rectangle((100, 100, 500, 400), fill=(20, 120, 60, 255))
    image = make_image(file=make_image_file("logo.png", fmt="PNG", image=picture))

    assert {fmt for _w, _h, fmt in rendition_table(image)} == {"WEBP", "PNG"}
    for item in image.renditions["responsive"]:
        corner = opened(image, item["path"]).convert("RGBA").getpixel((0, 0))
        assert corner[3] == 0, item["path"]


def test_opaque_png_falls_back_to_jpeg():
    image = make_image(file=make_image_file("chart.png", fmt="PNG"))

    assert {fmt for _w, _h, fmt in rendition_table(image)} == {"WEBP", "JPEG"}


def test_animated_gif_is_shown_by_its_first_frame():
    frames = [PILImage.new("RGB", (640, 360), color) for color in ("red", "blue")]
    upload = make_image_file("anim.gif", fmt="GIF", image=frames[0])
    frames[0].save(upload.file, "GIF", save_all=True, append_images=frames[1:])
    upload.file.seek(0)
    image = make_image(file=upload)

    for item in image.renditions["responsive"]:
        red, _green, blue = opened(image, item["path"]).convert("RGB").getpixel((9, 9))
        assert red > 200, item["path"]
        assert blue < 60, item["path"]


# The social crop


@pytest.mark.parametrize(
    "size", [(2000, 1000), (1000, 3000), (300, 200), (1200, 630), (5000, 400)]
)
def test_social_crop_is_a_1200_by_630_jpeg(size):
    image = make_image(file=make_image_file(size=size))

    crop = opened(image, image.renditions["social"]["path"])
    assert (crop.size, crop.format) == ((1200, 630), "JPEG")
    assert image.social == {
        "url": image.file.storage.url(image.renditions["social"]["path"]),
        "width": 1200,
        "height": 630,
    }


@pytest.mark.parametrize(
    ("size", "focal"),
    [((4000, 1000), (0.6, 0.5)), ((2000, 3000), (0.5, 0.3))],
    ids=["wide-focal-right-of-centre", "tall-focal-above-centre"],
)
def test_focal_point_is_the_middle_of_the_social_crop(size, focal):
    image = image_with_dot(size, dot=focal, focal=focal)

    x, y = red_dot_centre(opened(image, image.renditions["social"]["path"]))
    assert x == pytest.approx(600, abs=6)
    assert y == pytest.approx(315, abs=6)


def test_focal_point_near_an_edge_keeps_the_crop_inside_the_picture():
    # 2000 wide: the crop is the full width, 1050 high, scaled by 0.6 to 1200x630.
    image = image_with_dot((2000, 3000), dot=(0.5, 0.02), focal=(0.5, 0.02))

    x, y = red_dot_centre(opened(image, image.renditions["social"]["path"]))
    assert x == pytest.approx(600, abs=6)
    assert y == pytest.approx(0.02 * 3000 * 0.6, abs=6)  # Not moved to the middle.


def test_new_focal_point_makes_a_new_social_crop(django_capture_on_commit_callbacks):
    image = image_with_dot((4000, 1000), dot=(0.3, 0.5), focal=(0.5, 0.5))
    old_path = image.renditions["social"]["path"]

    image.focal_x = 0.3
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    new_path = image.renditions["social"]["path"]
    assert new_path != old_path  # A new address, past any cache.
    assert not image.file.storage.exists(old_path)
    x, _y = red_dot_centre(opened(image, new_path))
    assert x == pytest.approx(600, abs=6)


def test_new_focal_point_keeps_the_other_renditions():
    image = make_image(file=make_image_file(size=(2000, 1000)))
    responsive = image.renditions["responsive"]

    image.focal_y = 0.1
    image.save()

    assert image.renditions["responsive"] == responsive


def test_editing_the_text_writes_no_file(stored_files):
    image = make_image()
    before = stored_files()

    image.title, image.caption = "A new title", "A new caption"
    image.save()

    assert stored_files() == before


def test_new_file_replaces_every_old_file(
    stored_files, django_capture_on_commit_callbacks
):
    image = make_image(file=make_image_file("first.jpg", size=(2000, 1000)))

    image.file = make_image_file("second.jpg", size=(900, 600))
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    assert (image.width, image.height) == (900, 600)
    assert not any("first" in name for name in stored_files())
    assert len(stored_files()) == 1 + len(image.renditions["responsive"]) + 1


def test_deleting_an_image_deletes_its_files(
    stored_files, django_capture_on_commit_callbacks
):
    image = make_image()

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert stored_files() == []


@pytest.mark.parametrize(
    ("mode", "fmt", "color", "rgb"),
    [
        ("CMYK", "JPEG", (0, 255, 255, 0), (255, 0, 0)),
        ("L", "JPEG", 76, (76, 76, 76)),
        # 16 bits of grey: 19600 / 65535 is 76 / 255, not white.
        ("I;16", "PNG", 19_600, (76, 76, 76)),
    ],
    ids=["cmyk-jpeg", "grey-jpeg", "16-bit-grey-png"],
)
def test_other_colour_modes_are_shown_in_rgb(mode, fmt, color, rgb):
    picture = PILImage.new(mode, (640, 360), color)
    image = make_image(file=make_image_file(fmt=fmt, image=picture))

    for item in image.renditions["responsive"]:
        rendition = opened(image, item["path"])
        assert rendition.mode == "RGB", item["path"]
        pixel = rendition.getpixel((9, 9))
        assert all(abs(a - b) <= 6 for a, b in zip(pixel, rgb, strict=True)), pixel
