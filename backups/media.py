"""Moving restored media files from their staging folder into MEDIA_ROOT."""

import os
from pathlib import Path


def place_media(staging: Path, media_root: Path) -> int:
    """Move every file under staging to the same path under media_root.

    Both are on one file system (staging is inside media_root), so each move is a
    rename. If one fails, the files already moved are removed again and the error
    raised, so the caller's transaction rolls back with nothing left behind.
    A file already at a path is replaced: the restored rows name the archive's.
    """
    placed: list[Path] = []
    try:
        for folder, _subfolders, names in os.walk(staging):
            for name in names:
                source = Path(folder, name)
                target = media_root / source.relative_to(staging)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
                placed.append(target)
    except BaseException:
        for target in placed:
            target.unlink(missing_ok=True)
        raise
    return len(placed)
