"""SHACL shapes for councilgraph data, shipped as package data."""

from importlib.resources import files
from pathlib import Path

__all__ = ["shapes_path"]


def shapes_path() -> Path:
    """Path of the SHACL shapes graph in Turtle."""
    return Path(str(files(__name__).joinpath("councilgraph-shapes.ttl")))
