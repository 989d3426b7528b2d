"""TriG: one named graph per document, like the N-Quads, but as readable as the Turtle.

The graph name is the document's IRI (as in the N-Quads), so the provenance
of every triple survives; inside each graph the triples are grouped by
subject exactly as in ``graph.ttl`` (same prefixes, same term syntax, same
order), so the two files read alike. Graphs are sorted by name.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef

from councilgraph.exports.base import DocumentGraph, StagedFiles, write_output
from councilgraph.exports.turtle import PREFIX_LINES, subject_blocks, turtle_term

__all__ = ["TriGExporter"]


class TriGExporter:
    """Keeps each document's triples apart and writes them as one graph block per document."""

    def __init__(self, path: Path, files: StagedFiles | None = None) -> None:
        self.path = path
        self._files = files
        self._documents: dict[URIRef, tuple[tuple[URIRef, URIRef, URIRef | Literal], ...]] = {}

    def write(self, document: DocumentGraph) -> None:
        self._documents[document.name] = document.triples

    def finalize(self) -> None:
        parts = ["\n".join(PREFIX_LINES)]
        for name in sorted(self._documents, key=str):
            blocks = "\n\n".join(subject_blocks(self._documents[name], indent="    "))
            parts.append(f"{turtle_term(name)} {{\n{blocks}\n}}")
        write_output(self.path, ("\n\n".join(parts) + "\n").encode("utf-8"), self._files)
