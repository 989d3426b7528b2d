"""N-Quads: one named graph per document, lines sorted for byte-identical output."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions, FragmentExporter

__all__ = ["ESCAPES", "escape", "NQuadsExporter", "nquad_term", "ntriples_lines"]

ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def escape(lexical: str) -> str:
    """A literal's text with the N-Triples/Turtle escapes; most texts need none, and copying is the cost."""
    if '"' in lexical or "\\" in lexical or "\n" in lexical or "\r" in lexical:
        return lexical.translate(ESCAPES)
    return lexical


def nquad_term(term: URIRef | Literal | BNode) -> str:
    """A term in N-Triples/N-Quads syntax (UTF-8, only the mandatory escapes)."""
    if type(term) is URIRef:  # most terms; an exact type test is much cheaper than isinstance on rdflib terms
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        lexical = f'"{escape(str(term))}"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype:
            return f"{lexical}^^<{term.datatype}>"
        return lexical
    return f"<{term}>"


def ntriples_lines(triples) -> tuple[str, ...]:
    """Each triple as an N-Triples line (ending in " .\\n")."""
    return tuple(f"{nquad_term(s)} {nquad_term(p)} {nquad_term(o)} .\n" for s, p, o in triples)


class NQuadsExporter(FragmentExporter):
    """Each document's triples in its own named graph (the document's IRI), lines sorted within a graph."""

    file_name = "graph.nq"

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        graph = f" <{document.name}> .\n"
        lines = document.lines or ntriples_lines(document.triples)
        return "".join(sorted(line[:-3] + graph for line in lines)).encode("utf-8")
