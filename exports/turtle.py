"""Turtle: all documents merged into one graph with the project's prefixes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from councilgraph.exports.base import DocumentGraph, StagedFiles, write_output
from councilgraph.graph.namespace import PREFIXES

__all__ = ["TurtleExporter"]


class TurtleExporter:
    """Merges every document into one graph; shared nodes (States, people) appear once."""

    def __init__(self, path: Path, files: StagedFiles | None = None) -> None:
        self.path = path
        self._files = files
        self._graph = Graph(bind_namespaces="core")
        for prefix, namespace in PREFIXES:
            self._graph.bind(prefix, namespace)

    def write(self, document: DocumentGraph) -> None:
        for triple in document.triples:
            self._graph.add(triple)

    def finalize(self) -> None:
        data = self._graph.serialize(format="turtle", encoding="utf-8")
        write_output(self.path, data, self._files)
