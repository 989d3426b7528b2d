"""N-Triples: all documents merged into one graph, one triple a line.

For tools that read triples only (no named graphs): each document's own
nodes come from its fragment (lines sorted), then the nodes several documents
share (a State, a person), each triple once, from the store.
"""

from __future__ import annotations

from collections.abc import Iterator

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions, FragmentExporter
from councilgraph.exports.nquads import ntriples_lines
from councilgraph.exports.turtle import own_triples
from councilgraph.store import DocumentStore

__all__ = ["NTriplesExporter"]


class NTriplesExporter(FragmentExporter):
    """Writes ``graph.nt``: the document's own triples, then the shared nodes' triples once each."""

    file_name = "graph.nt"

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        return "".join(sorted(ntriples_lines(own_triples(document)))).encode("utf-8")

    def tail(self, store: DocumentStore) -> Iterator[bytes]:
        for subject in store.shared_subjects():
            # str() of a stored triple is its N-Triples form (terms separated by spaces).
            lines = sorted(f"{triple} .\n" for triple in store.merged_triples(subject))
            yield "".join(lines).encode("utf-8")

