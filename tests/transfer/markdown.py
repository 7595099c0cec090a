"""Write Markdown files with front matter for import tests, and run the command."""

from io import StringIO
from pathlib import Path

import yaml
from django.core.management import call_command


def write_markdown(folder: Path, name: str, front: dict | str, body: str) -> Path:
    """folder/name: front matter (a dict, dumped as YAML, or raw text) and body."""
    folder.mkdir(parents=True, exist_ok=True)
    head = front if isinstance(front, str) else yaml.safe_dump(front, sort_keys=False)
    path = folder / name
    path.write_text(f"---\n{head}---\n{body}", encoding="utf-8")
    return path


def import_markdown(*args) -> str:
    """Run import_markdown; what it printed."""
    out = StringIO()
    call_command("import_markdown", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()
