"""The councilgraph ontology and its reference data, shipped as package data.

``councilgraph.ttl`` is the OWL ontology (the public contract). The CSV files
are reference knowledge: ``states.csv`` (ISO codes and the names UN texts use),
``state_names.csv`` (capitals and adjectives of nationality, for speaker forms only),
``organizations.csv`` (UN bodies, organisations, groups of States, armed
groups, with acronyms and aliases), ``missions.csv`` (the UN peacekeeping
operations and special political missions, past and present, with their
years), ``instruments.csv`` (treaties and
declarations with their short names), ``opening_phrases.csv`` (opening phrase
-> CiTO property) and ``resolution_years.csv`` (first and last resolution
number of each year). They are data, not code: edit the files, and
``tests/ontology`` checks them.
"""

from importlib.resources import files
from pathlib import Path

__all__ = ["ontology_path", "data_path"]


def data_path(name: str) -> Path:
    """Path of a file shipped in this package (ontology or reference data)."""
    return Path(str(files(__name__).joinpath(name)))


def ontology_path() -> Path:
    """Path of the ontology in Turtle."""
    return data_path("councilgraph.ttl")
