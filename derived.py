"""Files made from a build after it, and which build they were made from.

``councilgraph viz DIR`` and ``councilgraph tables DIR`` read the build in DIR
and write the citation page and figures and the CSV tables. A later build
changes DIR but not them; so each carries the stamp of the build it was made
from (:func:`build_stamp`: the sha256 of DIR/manifest.json, which describes the
whole build and is written last), and ``councilgraph build`` names those whose
stamp is not the new build's (:func:`stale_outputs`). Rebuilding them is left
to the user: the figures need Matplotlib and the layout of the whole network,
which a build does not otherwise pay for.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from councilgraph.manifest import MANIFEST

__all__ = ["PAGE_FILES", "SHARDS_DIR", "SHARDS_STAMP", "TABLES_DIR", "TABLES_STAMP", "build_stamp", "stale_outputs",
           "stamp_of"]

PAGE_FILES = ("citations.html", "citations.svg", "citations.png")  # written by `councilgraph viz`
TABLES_DIR = "tables"  # written by `councilgraph tables`
TABLES_STAMP = "build.stamp"  # beside the CSV files, which have no room for a comment
SHARDS_DIR = "shards"  # written by `councilgraph build --shards N` (councilgraph.shards)
SHARDS_STAMP = "build.stamp"  # beside the shards: N-Quads has no room for a comment a loader would skip
_STAMP = re.compile(rb"manifest\.json sha256 [0-9a-f]{64}")
_HEAD = 65_536  # the stamp is in a file's head: the page's <head>, the SVG's metadata, a PNG text chunk


def build_stamp(build_dir: Path) -> str | None:
    """The stamp of the build in ``build_dir`` ("manifest.json sha256 <hex>"), or None without a manifest.

    Read it before the build's other files: if a build replaces them in between, the stamp is then the
    older one, and the files are reported stale rather than passed off as current.
    """
    try:
        data = (build_dir / MANIFEST).read_bytes()
    except OSError:
        return None
    return f"manifest.json sha256 {hashlib.sha256(data).hexdigest()}"


def stamp_of(path: Path) -> str | None:
    """The build stamp a derived file carries, or None (not stamped, or unreadable)."""
    try:
        with path.open("rb") as file:
            found = _STAMP.search(file.read(_HEAD))
    except OSError:
        return None
    return found.group().decode("ascii") if found else None


def stale_outputs(build_dir: Path) -> list[str]:
    """The derived files in ``build_dir`` not made from its current build (or from an unknown one), by name."""
    current = build_stamp(build_dir)
    stale = [name for name in PAGE_FILES if (build_dir / name).is_file() and stamp_of(build_dir / name) != current]
    tables = build_dir / TABLES_DIR
    if tables.is_dir() and any(tables.glob("*.csv")) and stamp_of(tables / TABLES_STAMP) != current:
        stale.append(f"{TABLES_DIR}/")
    shards = build_dir / SHARDS_DIR
    if shards.is_dir() and stamp_of(shards / SHARDS_STAMP) != current:
        stale.append(f"{SHARDS_DIR}/")
    return stale
