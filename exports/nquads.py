"""N-Quads: one named graph per document, lines sorted for byte-identical output."""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Literal, URIRef

from councilgraph.exports.base import DocumentGraph, StagedFiles, write_output

__all__ = ["ESCAPES", "NQuadsExporter", "nquad_term", "ntriples_lines"]

ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nquad_term(term: URIRef | Literal | BNode) -> str:
    """A term in N-Triples/N-Quads syntax (UTF-8, only the mandatory escapes)."""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        lexical = f'"{str(term).translate(ESCAPES)}"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype:
            return f"{lexical}^^<{term.datatype}>"
        return lexical
    return f"<{term}>"


def ntriples_lines(triples) -> tuple[str, ...]:
    """Each triple as an N-Triples line (ending in " .\\n")."""
    return tuple(f"{nquad_term(s)} {nquad_term(p)} {nquad_term(o)} .\n" for s, p, o in triples)


class NQuadsExporter:
    """Collects each document's quads and writes them sorted by graph, then by line."""

    def __init__(self, path: Path, files: StagedFiles | None = None) -> None:
        self.path = path
        self._files = files
        self._documents: dict[str, list[str]] = {}

    def write(self, document: DocumentGraph) -> None:
        graph = f" <{document.name}> .\n"
        lines = document.lines or ntriples_lines(document.triples)
        self._documents[str(document.name)] = sorted(line[:-3] + graph for line in lines)

    def finalize(self) -> None:
        lines = (line for name in sorted(self._documents) for line in self._documents[name])
        data = "".join(lines).encode("utf-8")
        write_output(self.path, data, self._files)
