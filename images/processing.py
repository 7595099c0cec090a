"""Image files for the library: checked by content, stored clean, rendered once.

An upload is accepted only when Pillow finds JPEG, PNG, WebP or GIF *content* in it
(its name, extension and declared content type are never trusted), when it is within
IMAGES_MAX_UPLOAD_BYTES and IMAGES_MAX_PIXELS, and when it decodes completely: a
truncated file or a decompression bomb is refused before anything is written.

The limits bound one request's work: IMAGES_MAX_PIXELS (25 megapixels, a 6000 × 4000
camera frame) caps the one full-size copy held while the original is re-encoded.
Checking a JPEG decodes it at an eighth of its size (draft mode), and renditions are
cut from one once-reduced working copy, never from the full-size picture again.

Stored files carry no EXIF (so no GPS position), XMP or comments: the original is
re-encoded after its EXIF orientation is applied, and every rendition is made from
that clean copy. The ICC colour profile is kept, so colours stay as photographed.
Renditions are made once, when the file or the focal point changes, never on a
reader's request. These functions take a storage and return plain data; the Image
model and the migration that moved the old hero images both call them.
"""

import io
import warnings
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow's format name, and the extension the stored original gets.
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
# GIFs are stored as their first frame, losslessly, as PNG.
STORED_FORMAT = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG"}
RGB_MODES = ("RGB", "RGBA", "RGBX", "P", "PA")
WIDTHS = (480, 800, 1200, 1600)
SOCIAL_SIZE = (1200, 630)
# Renditions are cut from a working copy at least this many times their size.
WORKING_MARGIN = 2
ENCODER_OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80},
}
# The stored original is re-encoded once; keep more of its quality.
ORIGINAL_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {},
    "WEBP": {"quality": 90},
}

NOT_AN_IMAGE = (
    "This file is not a JPEG, PNG, WebP or GIF image (its contents were checked, "
    "not its name). Export it in one of those formats and upload it again."
)
DAMAGED = (
    "This image is damaged or incomplete, so it cannot be shown. "
    "Export it again and upload the new file."
)


def megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:g} megapixels"


def limits_help() -> str:
    """The upload limits, in the words of the upload form's help text."""
    return (
        f"At most {filesizeformat(settings.IMAGES_MAX_UPLOAD_BYTES)} and "
        f"{megapixels(settings.IMAGES_MAX_PIXELS)} (a 6000 × 4000 pixels camera "
        "frame fits); export larger pictures smaller first."
    )


def validate_upload(file) -> None:
    """Raise ValidationError unless file is a whole JPEG, PNG, WebP or GIF within limits.

    Reads the file only; writes nothing anywhere.
    """
    max_bytes = settings.IMAGES_MAX_UPLOAD_BYTES
    if file.size > max_bytes:
        raise ValidationError(
            f"This file is {filesizeformat(file.size)}; images can be at most "
            f"{filesizeformat(max_bytes)}. Export a smaller version and upload it.",
            code="file_too_big",
        )
    image = _open(file)
    try:
        image.verify()
    except Exception as error:
        raise ValidationError(DAMAGED, code="damaged") from error
    # verify() does not decode pixel data: decoding finds a truncated file. A JPEG
    # is decoded at an eighth of its size, which still reads every byte of it.
    _decode(file, draft_size=_smallest)


def decode(file, for_renditions: bool = False) -> tuple[Image.Image, str]:
    """The upright first frame of file, as RGB or RGBA without metadata, and its format.

    Applies the same checks as validate_upload() except the byte limit. Holds one
    full-size copy of the pixels: each step below works in place where it can.
    for_renditions: only renditions will be made, so a JPEG may be decoded at a
    reduced scale (draft mode), never below working_copy()'s size.
    """
    image = _decode(file, draft_size=_drafted_size if for_renditions else None)
    source_format = image.format
    # An RGB profile describes RGB output; a CMYK or grey one would not, so it goes.
    icc_profile = image.info.get("icc_profile") if image.mode in RGB_MODES else None
    ImageOps.exif_transpose(image, in_place=True)
    if image.mode in ("I", "I;16", "I;16B", "I;16L"):
        # 16-bit grey: scale to 8 bits, which convert() alone would clip to white.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    mode = "RGBA" if has_transparency(image) else "RGB"
    clean = image if image.mode == mode else image.convert(mode)
    # EXIF, XMP and comments stay in info; encoders would write some of it.
    clean.info = {"icc_profile": icc_profile} if icc_profile else {}
    return clean, source_format


def _open(file) -> Image.Image:
    file.seek(0)
    try:
        # Bomb warnings become errors: an image this large is refused, not decoded.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file, formats=list(FORMATS))
    except UnidentifiedImageError as error:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels("far more than that") from error
    except Exception as error:
        raise ValidationError(DAMAGED, code="damaged") from error
    width, height = image.size
    if width * height > settings.IMAGES_MAX_PIXELS:
        raise _too_many_pixels(
            f"{width} × {height} pixels ({megapixels(width * height)})"
        )
    return image


def _too_many_pixels(actual: str) -> ValidationError:
    return ValidationError(
        f"Images can be at most {megapixels(settings.IMAGES_MAX_PIXELS)}; this one "
        f"is {actual}. Export a smaller version and upload it.",
        code="too_many_pixels",
    )


def _smallest(size: tuple[int, int]) -> tuple[int, int]:
    return (1, 1)


def _drafted_size(size: tuple[int, int]) -> tuple[int, int]:
    return _working_size(size) or size


def _decode(file, draft_size=None) -> Image.Image:
    """Open and load file's first frame; draft_size(size) picks a JPEG's scale."""
    image = _open(file)
    try:
        if draft_size:
            # JPEG only: decodes at the smallest scale still at least that big.
            image.draft(None, draft_size(image.size))
        image.load()  # The first frame only, for animated GIFs and WebPs.
    except Exception as error:
        raise ValidationError(DAMAGED, code="damaged") from error
    return image


def has_transparency(image: Image.Image) -> bool:
    """True when some pixel is not fully opaque (an unused alpha channel is not)."""
    if image.mode not in ("RGBA", "LA", "PA", "RGBa", "La") and (
        "transparency" not in image.info
    ):
        return False
    alpha = image if image.mode == "RGBA" else image.convert("RGBA")
    low, _high = alpha.getchannel("A").getextrema()
    return low < 255


def encode(image: Image.Image, fmt: str, options: dict | None = None) -> bytes:
    """image in fmt, with its ICC profile and no other metadata."""
    if fmt == "JPEG" and image.mode == "RGBA":
        image = flatten(image)
    options = ENCODER_OPTIONS[fmt] if options is None else options
    icc_profile = image.info.get("icc_profile")
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options, **extra)
    return buffer.getvalue()


def flatten(image: Image.Image) -> Image.Image:
    """image on a white background (JPEG has no transparency)."""
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    background.info = image.info
    return background


def encode_original(image: Image.Image, source_format: str) -> tuple[bytes, str]:
    """The clean original to store, and its extension."""
    fmt = STORED_FORMAT[source_format]
    return encode(image, fmt, ORIGINAL_OPTIONS[fmt]), FORMATS[fmt]


def clean_copy(file, max_side: int) -> tuple[bytes, str]:
    """file as the library stores an original, at most max_side pixels on its longer
    side (for pictures that need no renditions, such as author photos); and its
    extension. Call validate_upload() on file first."""
    picture, source_format = decode(file)
    picture.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=2.0)
    return encode_original(picture, source_format)


def rendition_widths(width: int) -> list[int]:
    """The srcset widths for an image this wide: never wider than the image itself."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})


def social_crop_box(
    size: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest 1200:630 box centred on the focal point, moved inside the image."""
    width, height = size
    target_w, target_h = SOCIAL_SIZE
    if width * target_h > height * target_w:
        box_w, box_h = round(height * target_w / target_h), height
    else:
        box_w, box_h = width, round(width * target_h / target_w)
    left = round(focal[0] * width - box_w / 2)
    top = round(focal[1] * height - box_h / 2)
    left = min(max(left, 0), width - box_w)
    top = min(max(top, 0), height - box_h)
    return left, top, left + box_w, top + box_h


def _working_size(size: tuple[int, int]) -> tuple[int, int] | None:
    """The size renditions are cut from, or None when size is small enough already.

    Twice the widest rendition's width and twice the social crop's size, so the
    final Lanczos step still has pixels to spare.
    """
    width, height = size
    left, top, right, bottom = social_crop_box(size, (0.5, 0.5))
    scale = max(
        WORKING_MARGIN * min(width, WIDTHS[-1]) / width,
        WORKING_MARGIN * SOCIAL_SIZE[0] / (right - left),
        WORKING_MARGIN * SOCIAL_SIZE[1] / (bottom - top),
    )
    if scale >= 0.75:  # Too little to gain for another copy.
        return None
    return max(1, round(width * scale)), max(1, round(height * scale))


def working_copy(image: Image.Image) -> Image.Image:
    """image reduced once to what every rendition needs, or image if already small.

    Once the original is encoded the full-size picture can be let go, and each
    rendition is cut from this smaller copy instead of the whole picture again.
    """
    size = _working_size(image.size)
    if size is None:
        return image
    # BOX averages whole source pixels: the fastest filter that does not alias.
    reduced = image.resize(size, Image.Resampling.BOX)
    reduced.info = image.info
    return reduced


def make_renditions(
    storage: Storage, image: Image.Image, original_name: str, focal: tuple
) -> dict:
    """Write the srcset renditions and the social crop of image; return their data."""
    image = working_copy(image)
    fallback = "PNG" if image.mode == "RGBA" else "JPEG"
    responsive = []
    try:
        for width in rendition_widths(image.width):
            height = max(1, round(image.height * width / image.width))
            resized = image
            if width != image.width:
                resized = image.resize(
                    (width, height), Image.Resampling.LANCZOS, reducing_gap=3.0
                )
                resized.info = image.info
            for fmt in ("WEBP", fallback):
                name = _name(original_name, f"{width}w", fmt)
                responsive.append(_write(storage, resized, fmt, name))
        social = make_social(storage, image, original_name, focal)
    except BaseException:
        # A half-made set (the bucket went away mid-way) is not left behind.
        for item in responsive:
            storage.delete(item["path"])
        raise
    return {"source": original_name, "responsive": responsive, "social": social}


def make_social(
    storage: Storage, image: Image.Image, original_name: str, focal: tuple
) -> dict:
    """Write the 1200x630 crop for link previews, centred on focal; return its data."""
    image = working_copy(image)
    crop = image.crop(social_crop_box(image.size, focal)).resize(
        SOCIAL_SIZE, Image.Resampling.LANCZOS, reducing_gap=3.0
    )
    crop.info = image.info
    # The focal point is in the name, so a new crop gets a new URL past any cache.
    key = f"social-{round(focal[0] * 100)}-{round(focal[1] * 100)}"
    data = _write(storage, crop, "JPEG", _name(original_name, key, "JPEG"))
    return {**data, "focal": list(focal)}


def _name(original_name: str, key: str, fmt: str) -> str:
    path = PurePosixPath(original_name)
    return str(path.with_name(f"{path.stem}-{key}{FORMATS[fmt]}"))


def _write(storage: Storage, image: Image.Image, fmt: str, name: str) -> dict:
    data = encode(image, fmt)
    return {
        "width": image.width,
        "height": image.height,
        "format": fmt,
        "path": storage.save(name, ContentFile(data)),
        "bytes": len(data),
    }


def rendition_paths(renditions: dict) -> list[str]:
    """Every file a renditions dict (from make_renditions) points to."""
    paths = [item["path"] for item in renditions.get("responsive", [])]
    if renditions.get("social"):
        paths.append(renditions["social"]["path"])
    return paths
