"""Migrations run against any later version of the code: they import none of it."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
OUR_APPS = {path.parent.name for path in ROOT.glob("*/apps.py")}
# Written before this rule: it moves old hero files through the image library's
# pipeline, and tests/images/test_hero_migration.py keeps it working.
KNOWN = {"articles/migrations/0005_hero_from_image_library.py"}


def app_imports(path: Path) -> list[str]:
    """Modules of our apps that path imports, but for field references.

    makemigrations itself writes `import images.models` to name a field's
    validator or default; that reference is all such an import is for.
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        else:
            continue
        found += [
            name
            for name in names
            if name.split(".")[0] in OUR_APPS and not name.endswith(".models")
        ]
    return found


def test_migrations_import_no_app_code():
    importing = {
        str(path.relative_to(ROOT)): app_imports(path)
        for path in sorted(ROOT.glob("*/migrations/*.py"))
        if app_imports(path) and str(path.relative_to(ROOT)) not in KNOWN
    }

    assert importing == {}
