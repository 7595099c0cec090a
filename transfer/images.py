"""Bring image files into the image library, checked as an editor's upload is."""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from images import processing
from images.models import Image
from transfer.errors import ItemError
from transfer.models import ImportedImage
from transfer.records import ImageFile

# The images import_image() stored inside new_files_removed_on_failure(), if any.
_stored: ContextVar[list[Image] | None] = ContextVar("stored_images", default=None)


@contextmanager
def new_files_removed_on_failure():
    """If the block raises, delete the files of images imported inside it: their
    rows roll back with the block's transaction, which leaves files behind."""
    stored: list[Image] = []
    token = _stored.set(stored)
    try:
        yield
    except BaseException:
        for image in stored:
            for path in image.stored_paths():
                image.file.storage.delete(path)
        raise
    finally:
        _stored.reset(token)


def content_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def import_image(image: ImageFile, *, dry_run=False) -> Image:
    """The library image for image's file: the one imported before from the same
    bytes, else a new one (unsaved when dry_run).

    Raises ItemError if the file is missing, is not an image the library takes,
    or has no alt text.
    """
    path = Path(image.path)
    if not path.is_file():
        raise ItemError(f"The image file {path} does not exist.")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    known = ImportedImage.objects.filter(content_hash=digest).select_related("image")
    if row := known.first():
        return _with_text(row.image, image, dry_run=dry_run)
    upload = SimpleUploadedFile(path.name, data)
    try:
        processing.validate_upload(upload)
    except ValidationError as error:
        raise ItemError(f"The image {path.name}: {' '.join(error.messages)}") from error
    if not image.alt.strip():
        raise ItemError(
            f"The image {path.name} has no alt text: describe what it shows."
        )
    upload.seek(0)
    library_image = Image(
        title=(image.caption or path.stem)[:200],
        file=upload,
        alt_text=image.alt.strip()[:250],
        caption=image.caption[:300],
        credit=image.credit[:200],
    )
    if dry_run:
        return library_image
    library_image.full_clean()
    library_image.save()
    ImportedImage.objects.create(content_hash=digest, image=library_image)
    if (stored := _stored.get()) is not None:
        stored.append(library_image)
    return library_image


def _with_text(stored: Image, image: ImageFile, *, dry_run: bool) -> Image:
    """stored, with the alt text, caption and credit the import gives, if any."""
    wanted = {
        "alt_text": image.alt.strip()[:250],
        "caption": image.caption[:300],
        "credit": image.credit[:200],
    }
    changed = [
        name
        for name, value in wanted.items()
        if value and getattr(stored, name) != value
    ]
    for name in changed:
        setattr(stored, name, wanted[name])
    if changed and not dry_run:
        stored.save(update_fields=[*changed, "updated_at"])
    return stored
