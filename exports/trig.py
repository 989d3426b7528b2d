"""TriG: one named graph per document, like the N-Quads, but as readable as the Turtle.

The graph name is the document's IRI (as in the N-Quads), so the provenance
of every triple survives; inside each graph the triples are grouped by
subject exactly as in ``graph.ttl`` (same prefixes, same term syntax, same
order). Graphs come in the order of their names.
"""

from __future__ import annotations

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions, FragmentExporter
from councilgraph.exports.turtle import PREFIX_LINES, term_blocks, turtle_term

__all__ = ["TriGExporter"]


class TriGExporter(FragmentExporter):
    """Writes ``graph.trig``: one graph block per document."""

    file_name = "graph.trig"
    separator = b"\n"

    def head(self) -> bytes:
        return "\n".join(PREFIX_LINES).encode("utf-8") + b"\n\n"

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        blocks = "\n\n".join(term_blocks(document.terms, indent="    "))
        return f"{turtle_term(document.name)} {{\n{blocks}\n}}\n".encode()
