"""N-Triples: all documents merged into one graph, one triple a line, sorted and unique.

For tools that read triples only (no named graphs) and for line-based diffs
between builds: a shared node (a State, a person) described by several
documents is written once, and the sorted lines make the file byte-identical
whatever the order of the inputs.
"""

from __future__ import annotations

from pathlib import Path

from councilgraph.exports.base import DocumentGraph, StagedFiles, write_output
from councilgraph.exports.nquads import ntriples_lines

__all__ = ["NTriplesExporter"]


class NTriplesExporter:
    """Collects the N-Triples lines of every document, then writes each distinct line once, sorted."""

    def __init__(self, path: Path, files: StagedFiles | None = None) -> None:
        self.path = path
        self._files = files
        self._lines: set[str] = set()

    def write(self, document: DocumentGraph) -> None:
        self._lines.update(document.lines or ntriples_lines(document.triples))

    def finalize(self) -> None:
        write_output(self.path, "".join(sorted(self._lines)).encode("utf-8"), self._files)
