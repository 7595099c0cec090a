"""Benchmark one image upload: wall time and peak memory of the worst allowed files.

Run from the project root:

    .venv/bin/python bench/image_upload.py

Each case is the largest image the limits allow (IMAGES_MAX_PIXELS and
IMAGES_MAX_UPLOAD_BYTES from the settings), plus any --size you add, as:

- a solid-colour PNG (tiny on disk, as in issue #8's report: the decoder does all
  the work, so the byte limit does not help), and
- a noisy JPEG (a camera frame's worth of detail, within the byte limit).

Every case runs in a fresh Python process, so its peak RSS (VmHWM, or
getrusage's ru_maxrss off Linux) is its own: the process starts Django, reads the file, then validates and saves it
through the image library's admin form, as a request would. The figures are the
wall time of validate + save and the peak RSS, with the RSS before the upload
(Django alone) for comparison. A temporary SQLite database and media directory
are used; db.sqlite3, DATABASE_URL and media/ are never touched. It is a
measurement, not a test: pytest doesn't collect bench/.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def say(line: str) -> None:
    """A line of the report (ruff's T20 keeps print() out of the project)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    # ru_maxrss survives exec(), so a child would report its parent's peak;
    # VmHWM is this program's own. Both are in kilobytes.
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: str) -> None:
    """Upload path through ImageAdminForm in this process; print the figures as JSON."""
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from images.forms import ImageAdminForm

    data = Path(path).read_bytes()
    upload = SimpleUploadedFile(Path(path).name, data, content_type="image/png")
    before = peak_rss_mb()
    started = time.perf_counter()
    form = ImageAdminForm(
        {"title": "Bench", "alt_text": "Bench", "focal_x": "0.5", "focal_y": "0.5"},
        {"file": upload},
    )
    accepted = form.is_valid()
    if accepted:
        form.save()
    say(
        json.dumps(
            {
                "accepted": accepted,
                "errors": [str(e) for e in form.errors.get("file", [])],
                "seconds": round(time.perf_counter() - started, 2),
                "rss_before_mb": round(before),
                "peak_rss_mb": round(peak_rss_mb()),
            }
        )
    )


def make_files(folder: Path, sizes: list[tuple[int, int]]) -> list[tuple[str, Path]]:
    from PIL import Image

    cases = []
    for width, height in sizes:
        png = folder / f"solid-{width}x{height}.png"
        Image.new("RGB", (width, height), (40, 90, 160)).save(png, optimize=True)
        cases.append((f"PNG  {width}x{height} solid", png))
        jpeg = folder / f"noisy-{width}x{height}.jpg"
        # Grey noise over a colour: detail like a photo's, so the JPEG is big.
        noise = Image.effect_noise((width, height), 40).convert("RGB")
        tinted = Image.blend(
            noise, Image.new("RGB", (width, height), (200, 120, 60)), 0.5
        )
        tinted.save(jpeg, quality=85)
        cases.append((f"JPEG {width}x{height} noisy", jpeg))
    return cases


def worst_allowed_size() -> tuple[int, int]:
    """The biggest 3:2 frame under IMAGES_MAX_PIXELS (a camera's shape)."""
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.conf import settings

    cap = settings.IMAGES_MAX_PIXELS
    height = int((cap * 2 / 3) ** 0.5)
    width = cap // height
    width -= width % 2
    return width, height


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument(
        "--size",
        action="append",
        default=[],
        help="Also try WIDTHxHEIGHT (repeatable), e.g. 6300x6300.",
    )
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return

    with tempfile.TemporaryDirectory(prefix="image-bench-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only"),
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(folder / "media"),
        }
        os.environ.update(env)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
            env=env,
            cwd=PROJECT,
            check=True,
        )
        sizes = [worst_allowed_size()]
        sizes += [tuple(int(n) for n in size.split("x")) for size in args.size]
        for label, path in make_files(folder, sizes):
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                env=env,
                cwd=PROJECT,
                check=True,
                capture_output=True,
                text=True,
            )
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            outcome = "stored " if figures["accepted"] else "refused"
            say(
                f"{label:28} {path.stat().st_size / 1e6:6.2f} MB  {outcome} "
                f"{figures['seconds']:6.2f} s  peak RSS {figures['peak_rss_mb']:5} MB "
                f"(Django alone {figures['rss_before_mb']} MB)"
            )


if __name__ == "__main__":
    main()
