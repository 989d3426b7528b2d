"""SHACL shapes for councilgraph data, shipped as package data.

``councilgraph-shapes.ttl`` is written by hand; ``reference-shapes.ttl`` is
generated from the reference CSVs by ``python -m councilgraph.shapes.generate``.
Validation uses both (:func:`shapes_text`).
"""

from importlib.resources import files
from pathlib import Path

__all__ = ["shapes_path", "reference_shapes_path", "shapes_text"]


def shapes_path() -> Path:
    """Path of the hand-written SHACL shapes in Turtle."""
    return Path(str(files(__name__).joinpath("councilgraph-shapes.ttl")))


def reference_shapes_path() -> Path:
    """Path of the shapes generated from the reference data."""
    return Path(str(files(__name__).joinpath("reference-shapes.ttl")))


def shapes_text() -> str:
    """Both shape files as one Turtle document (the same prefixes are declared in both)."""
    return shapes_path().read_text(encoding="utf-8") + "\n" + reference_shapes_path().read_text(encoding="utf-8")
