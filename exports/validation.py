"""The validation outputs: ``validation.ttl`` (SHACL reports) and ``validation.md`` (readable), per document.

Each document's part is made where the document is validated and kept
between builds, like the graph exports' fragments.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from rdflib import RDFS

from councilgraph.exports.base import DocumentGraph, FragmentExporter
from councilgraph.exports.turtle import PREFIX_LINES, subject_blocks
from councilgraph.graph.namespace import CG
from councilgraph.validate import Report, node_offsets, report_header, report_section, report_triples

__all__ = ["ValidationMarkdown", "ValidationTurtle", "markdown_fragment", "turtle_fragment"]

#: The properties :func:`~councilgraph.validate.node_offsets` reads, in N-Triples syntax.
_LOCATING = frozenset(f"<{p}>" for p in (CG.startOffset, CG.endOffset, CG.about, RDFS.comment))
_ABOUT = f"<{CG.about}>"


def turtle_fragment(report: Report) -> bytes:
    """One document's SHACL validation report in Turtle (without the prefix lines)."""
    return "".join(f"\n{block}\n" for block in subject_blocks(report_triples([report]))).encode("utf-8")


def markdown_fragment(report: Report, document: DocumentGraph, text: str) -> bytes:
    """One document's section of the readable report, with the source text around each result."""
    if not report.results:
        return report_section(report, text, {}).encode("utf-8")
    # node_offsets reads rdflib terms; the section looks up the nodes results are about and the findings
    # (each with its own words), so only their triples are made rdflib terms, not the whole document's.
    wanted = {f"<{result.focus}>" for result in report.results}
    wanted.update(s for s, p, o in document.terms if p == _ABOUT)
    located = tuple(t for t in document.terms if t[1] in _LOCATING and t[0] in wanted)
    return report_section(report, text, node_offsets(DocumentGraph(document.name, located))).encode("utf-8")


class ValidationTurtle(FragmentExporter):
    """Writes ``validation.ttl``."""

    file_name = "validation.ttl"

    def head(self) -> bytes:
        return "\n".join(PREFIX_LINES).encode("utf-8") + b"\n"


class ValidationMarkdown(FragmentExporter):
    """Writes ``validation.md``: the totals over all documents, then each document with results."""

    file_name = "validation.md"

    def __init__(self, out: BinaryIO, counts: Iterable[Counter[str]]) -> None:
        self._counts = list(counts)
        super().__init__(out)

    def head(self) -> bytes:
        return report_header(self._counts).encode("utf-8")

    def tail(self) -> Iterator[bytes]:
        return iter(())
