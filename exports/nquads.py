"""N-Quads: one named graph per document, lines sorted for byte-identical output."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef

from councilgraph.exports.base import DocumentGraph, StagedFiles, write_output

__all__ = ["ESCAPES", "NQuadsExporter", "nquad_term"]

ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nquad_term(term: URIRef | Literal) -> str:
    """A term in N-Triples/N-Quads syntax (UTF-8, only the mandatory escapes)."""
    if isinstance(term, Literal):
        lexical = f'"{str(term).translate(ESCAPES)}"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype:
            return f"{lexical}^^<{term.datatype}>"
        return lexical
    return f"<{term}>"


class NQuadsExporter:
    """Collects each document's quads and writes them sorted by graph, then by line."""

    def __init__(self, path: Path, files: StagedFiles | None = None) -> None:
        self.path = path
        self._files = files
        self._documents: dict[str, list[str]] = {}

    def write(self, document: DocumentGraph) -> None:
        graph = f"<{document.name}>"
        self._documents[str(document.name)] = sorted(
            f"{nquad_term(s)} {nquad_term(p)} {nquad_term(o)} {graph} .\n" for s, p, o in document.triples
        )

    def finalize(self) -> None:
        lines = (line for name in sorted(self._documents) for line in self._documents[name])
        data = "".join(lines).encode("utf-8")
        write_output(self.path, data, self._files)
