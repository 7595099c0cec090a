"""Files an import names (heroes, images in bodies, author photos): inside its folder.

A Markdown file or an export's YAML names them by path, and that text is as
untrusted as the rest: `hero: /home/editor/.ssh/id_rsa.png` or `../../x` must
not bring any file of the machine into the image library. A path is read only
if, links followed, it lies inside the folder the import was given.
"""

from pathlib import Path

from transfer.errors import ItemError


def file_within(root: Path, folder: Path, name: str) -> Path:
    """folder/name, links followed, if it lies inside root; ItemError if not."""
    path = (folder / name).resolve()
    if not path.is_relative_to(root.resolve()):
        raise ItemError(
            f"{name} is outside {root}: an import reads only files inside the "
            "folder it was given."
        )
    return path
