"""N-Triples: all documents merged into one graph, one triple a line.

For tools that read triples only (no named graphs): each document's own
nodes come from its fragment (lines sorted), then the nodes several documents
share (a State, a person), each triple once (see :mod:`councilgraph.exports.shared`).
"""

from __future__ import annotations

from collections.abc import Iterator

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions
from councilgraph.exports.shared import MergedExporter, pack, split_triples
from councilgraph.graph.terms import iri_of

__all__ = ["NTriplesExporter"]


class NTriplesExporter(MergedExporter):
    """Writes ``graph.nt``: the document's own triples, then the shared nodes' triples once each."""

    file_name = "graph.nt"

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        own, shared = split_triples(document)
        return pack("".join(sorted(f"{s} {p} {o} .\n" for s, p, o in own)),
                    (f"{iri_of(s)}\t{s} {p} {o} .\n" for s, p, o in shared))

    def tail(self) -> Iterator[bytes]:
        for _, lines in self.shared.by_node():
            yield "".join(f"{line}\n" for line in lines).encode("utf-8")

