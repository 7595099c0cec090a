"""The backup archive: a gzipped tar of JSON Lines rows, media files and a manifest.

Members, in this order (the README's "Backups" section describes them for people):
- `data/<app>.<model>.jsonl`: one per backed-up model, in load order;
- `media/<path>`: every file under MEDIA_ROOT, at its path there;
- `manifest.json`, last: format version, creation time, versions, the applied
  migrations, rows per model and the size and sha256 of every other member.

The manifest comes last so that each checksum is of the bytes actually written.
Reading checks every member against it before anything is restored.
"""

import hashlib
import io
import json
import os
import platform
import tarfile
import tempfile
import time
import zlib
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import IO

import django
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from backups import content

FORMAT = "newsroom-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_DIR = "data"
MEDIA_DIR = "media"
# Folders a restore stages media in, inside MEDIA_ROOT; never backed up.
STAGING_PREFIX = ".restore-"
CHUNK = 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
PACKAGES = ("django-taggit", "django-reversion")


class ArchiveError(Exception):
    """The archive can't be read, or doesn't match its manifest."""


class _Hashing(io.RawIOBase):
    """Reads from a file, keeping the sha256 and length of what went through."""

    def __init__(self, raw: IO[bytes]):
        self.raw, self.sha256, self.size = raw, hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.sha256.update(data)
        self.size += len(data)
        return len(data)


def _add(tar: tarfile.TarFile, name: str, source: IO[bytes], size: int) -> dict:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(time.time()), 0o644
    hashing = _Hashing(source)
    tar.addfile(info, io.BufferedReader(hashing, CHUNK))
    return {"size": hashing.size, "sha256": hashing.sha256.hexdigest()}


def media_files(media_root: Path) -> list[tuple[str, Path]]:
    """(path under MEDIA_ROOT, file) for every regular file there, sorted."""
    found = []
    for folder, subfolders, names in os.walk(media_root):
        subfolders[:] = sorted(
            d for d in subfolders if not d.startswith(STAGING_PREFIX)
        )
        for name in names:
            file = Path(folder, name)
            if file.is_file() and not file.is_symlink():
                found.append((file.relative_to(media_root).as_posix(), file))
    return sorted(found)


def _versions() -> dict:
    packages = {}
    for package in PACKAGES:
        try:
            packages[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        **packages,
    }


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _snapshot(outermost: bool) -> None:
    """Make every query of this transaction see the same moment (PostgreSQL).

    SQLite already does: a read transaction sees one snapshot from its first read.
    Inside a caller's transaction (a test's), that transaction decides.
    """
    if outermost and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def write_archive(path: Path, media_root: Path) -> dict:
    """Write the site's rows and media to a new archive at path; return the manifest.

    The archive is built beside path and renamed into place when complete, so a
    failed backup never leaves a partial file under the name asked for. It holds
    password hashes and e-mail addresses: it is created readable by its owner only.
    """
    partial = path.with_name(f"{path.name}.partial")
    members: dict[str, dict] = {}
    models = []
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with (
            os.fdopen(fd, "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz", format=tarfile.PAX_FORMAT) as tar,
            tempfile.TemporaryDirectory() as scratch,
        ):
            outermost = not connection.in_atomic_block
            with transaction.atomic():
                _snapshot(outermost)
                created_at = timezone.now()
                migrations = applied_migrations()
                for model in content.backed_up_models():
                    label = content.model_label(model)
                    name = f"{DATA_DIR}/{label}.jsonl"
                    rows = Path(scratch, f"{label}.jsonl")
                    with rows.open("w", encoding="utf-8", newline="\n") as stream:
                        count = content.write_rows(model, stream)
                    with rows.open("rb") as source:
                        members[name] = _add(tar, name, source, rows.stat().st_size)
                    rows.unlink()
                    models.append({"label": label, "member": name, "count": count})
            media_count = 0
            for relative, file in media_files(media_root):
                name = f"{MEDIA_DIR}/{relative}"
                with file.open("rb") as source:
                    members[name] = _add(
                        tar, name, source, os.fstat(source.fileno()).st_size
                    )
                media_count += 1
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": created_at.isoformat(),
                "database": connection.vendor,
                "versions": _versions(),
                "migrations": migrations,
                "models": models,
                "excluded": content.EXCLUDED,
                "media_files": media_count,
                "members": members,
            }
            encoded = json.dumps(manifest, indent=2, sort_keys=True).encode()
            _add(tar, MANIFEST, io.BytesIO(encoded), len(encoded))
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def _checked_name(name: str) -> PurePosixPath:
    """The member's path, refusing anything that could land outside its folder."""
    path = PurePosixPath(name)
    if (
        path.is_absolute()
        or not path.parts
        or any(part in ("", ".", "..") for part in path.parts)
        or "\\" in name
    ):
        raise ArchiveError(f"The archive has an unsafe member name: {name!r}.")
    if name == MANIFEST:
        return path
    if path.parts[0] == DATA_DIR and len(path.parts) == 2 and path.suffix == ".jsonl":
        return path
    if path.parts[0] == MEDIA_DIR and len(path.parts) > 1:
        if path.parts[1].startswith(STAGING_PREFIX):
            raise ArchiveError(f"The archive has an unsafe member name: {name!r}.")
        return path
    raise ArchiveError(f"The archive has an unexpected member: {name!r}.")


def _copy(source: IO[bytes], target: IO[bytes], limit: int | None = None) -> dict:
    sha256, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK):
        size += len(chunk)
        if limit is not None and size > limit:
            raise ArchiveError("The archive's manifest is far too large.")
        sha256.update(chunk)
        target.write(chunk)
    return {"size": size, "sha256": sha256.hexdigest()}


def read_archive(path: Path, data_dir: Path, media_dir: Path) -> dict:
    """Check the archive against its manifest and unpack it; return the manifest.

    Rows go to data_dir, media files to media_dir (both should be new, empty
    folders). Raises ArchiveError, having trusted nothing, if a member is missing,
    extra, altered or unreadable, or the archive is cut short.
    """
    found: dict[str, dict] = {}
    manifest_bytes = None
    try:
        with tarfile.open(path, mode="r|gz") as tar:
            for member in tar:
                name = _checked_name(member.name)
                if not member.isreg():
                    raise ArchiveError(
                        f"The archive member {member.name!r} is not a file."
                    )
                if member.name in found or (
                    member.name == MANIFEST and manifest_bytes is not None
                ):
                    raise ArchiveError(f"The archive holds {member.name!r} twice.")
                source = tar.extractfile(member)
                if member.name == MANIFEST:
                    buffer = io.BytesIO()
                    _copy(source, buffer, limit=MAX_MANIFEST_BYTES)
                    manifest_bytes = buffer.getvalue()
                    continue
                root = data_dir if name.parts[0] == DATA_DIR else media_dir
                target = root.joinpath(*name.parts[1:])
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("xb") as out:
                    found[member.name] = _copy(source, out)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise ArchiveError(f"The archive is damaged or cut short ({error}).") from error
    if manifest_bytes is None:
        raise ArchiveError(
            "The archive has no manifest.json: it is not a backup, or is cut short."
        )
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as error:
        raise ArchiveError("The archive's manifest.json is not valid JSON.") from error
    if manifest.get("format") != FORMAT:
        raise ArchiveError("This is not a newsroom backup (manifest format).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(
            f"The archive is format version {manifest.get('format_version')}; "
            f"this version of the site reads version {FORMAT_VERSION}."
        )
    expected = manifest.get("members", {})
    if missing := sorted(set(expected) - set(found)):
        raise ArchiveError(
            f"The archive is missing {len(missing)} member(s), e.g. {missing[0]}."
        )
    if extra := sorted(set(found) - set(expected)):
        raise ArchiveError(
            f"The archive has {len(extra)} member(s) its manifest doesn't list, e.g. {extra[0]}."
        )
    if altered := sorted(name for name in found if found[name] != expected[name]):
        raise ArchiveError(
            f"{len(altered)} member(s) don't match their checksum, e.g. {altered[0]}."
        )
    return manifest
