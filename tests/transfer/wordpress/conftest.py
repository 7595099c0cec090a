"""Running import_wordpress on the fixtures, with a media folder of real images."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures"
SITE = FIXTURES / "site.xml"
SOURCE = "wordpress:https://old.example.org"


@pytest.fixture
def media(tmp_path) -> Path:
    """A copy of wp-content/uploads for site.xml: lost.jpg is missing on purpose."""
    uploads = tmp_path / "uploads"
    (uploads / "2024/05").mkdir(parents=True)
    Image.new("RGB", (1600, 1000), (40, 90, 140)).save(uploads / "2024/05/harbour.jpg")
    Image.new("RGB", (800, 600), (200, 60, 30)).save(uploads / "2024/05/market.png")
    Image.new("RGB", (640, 480), (60, 160, 60)).save(uploads / "2024/05/town-hall.png")
    (uploads / "2024/05/fake.jpg").write_text("not a picture at all")
    return uploads


def run_import(export: Path, *args: str) -> str:
    """import_wordpress's output (the summary table and problems)."""
    out = StringIO()
    call_command("import_wordpress", str(export), *args, stdout=out, stderr=StringIO())
    return out.getvalue()
