"""N-Quads: one named graph per document, lines sorted for byte-identical output."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions, FragmentExporter
from councilgraph.graph.terms import ESCAPES, escape, nquad_term

__all__ = ["ESCAPES", "escape", "NQuadsExporter", "nquad_term", "ntriples_lines"]


def ntriples_lines(triples: Iterable[tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]]) -> tuple[str, ...]:
    """Each triple of rdflib terms as an N-Triples line (ending in " .\\n")."""
    return tuple(f"{nquad_term(s)} {nquad_term(p)} {nquad_term(o)} .\n" for s, p, o in triples)


class NQuadsExporter(FragmentExporter):
    """Each document's triples in its own named graph (the document's IRI), lines sorted within a graph."""

    file_name = "graph.nq"
    verbatim = True

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        graph = f" <{document.name}> .\n"
        return "".join(sorted(line[:-3] + graph for line in document.lines)).encode("utf-8")
