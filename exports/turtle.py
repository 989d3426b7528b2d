"""Turtle: all documents merged into one graph with the project's prefixes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from councilgraph.exports.base import DocumentGraph, atomic_write
from councilgraph.graph.namespace import PREFIXES

__all__ = ["TurtleExporter"]


class TurtleExporter:
    """Merges every document into one graph; shared nodes (States, people) appear once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._graph = Graph(bind_namespaces="core")
        for prefix, namespace in PREFIXES:
            self._graph.bind(prefix, namespace)

    def write(self, document: DocumentGraph) -> None:
        for triple in document.triples:
            self._graph.add(triple)

    def finalize(self) -> None:
        atomic_write(self.path, self._graph.serialize(format="turtle", encoding="utf-8"))
