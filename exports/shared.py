"""The nodes several documents describe (States, people, resolutions), merged in bounded memory.

The merged Turtle and N-Triples files describe each shared node once, with
what every document says about it. A document's fragment for these formats
therefore has two parts: its own nodes, written as they come, and its lines
about shared nodes ("IRI<TAB>payload", sorted). The writer keeps the shared
lines in sorted runs of at most ``RUN_LINES`` distinct lines, spilled to
temporary files, and merges the runs at the end: each distinct line once, in
IRI order, grouped by node. Memory holds one run however large the archive;
the store is not read (reading the union of every document's graph back
from RocksDB cost 4.5 s and 190 MB at 1,000 documents, and grew with them).
"""

from __future__ import annotations

import heapq
import itertools
import os
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, BinaryIO

from rdflib import RDF

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions, FragmentExporter
from councilgraph.graph.namespace import CG
from councilgraph.graph.terms import TermTriple

__all__ = ["RUN_LINES", "SHARED_CLASSES", "MergedExporter", "SharedLines", "pack", "run_directory", "split_triples", "unpack"]

#: Distinct lines held in memory before a run is spilled: about 6 MB. At 2,000 documents the Turtle writer
#: peaked 31 MB above its base with runs of 100,000 lines, 12 MB with 25,000, in the same time.
RUN_LINES = 25_000
#: Classes of the nodes that several documents describe; every other node belongs to one document.
SHARED_CLASSES = frozenset({CG.State, CG.Organization, CG.Person, CG.Meeting, CG.Resolution, CG.AssemblyResolution,
                            CG.PresidentialStatement, CG.Document, CG.Instrument})
_SHARED_TERMS = frozenset(f"<{cls}>" for cls in SHARED_CLASSES)
_TYPE = f"<{RDF.type}>"


def split_triples(document: DocumentGraph) -> tuple[list[TermTriple], list[TermTriple]]:
    """The document's triples about its own nodes, and those about nodes of the shared classes."""
    shared = {s for s, p, o in document.terms if p == _TYPE and o in _SHARED_TERMS}
    own: list[TermTriple] = []
    about_shared: list[TermTriple] = []
    for triple in document.terms:
        (about_shared if triple[0] in shared else own).append(triple)
    return own, about_shared


def run_directory(out: IO[bytes]) -> str | None:
    """Where to spill runs: beside the file being written (the system's temporary folder for a buffer)."""
    name = getattr(out, "name", None)
    if not isinstance(name, str):
        return None
    return os.path.dirname(name) or None


def pack(own: str, shared_lines: Iterable[str]) -> bytes:
    """A fragment: the length of the own part on the first line, the own part, then the shared lines."""
    head = own.encode("utf-8")
    return b"%d\n" % len(head) + head + "".join(sorted(set(shared_lines))).encode("utf-8")


def unpack(fragment: bytes) -> tuple[bytes, bytes]:
    """The own part and the shared lines of a fragment made by :func:`pack`."""
    length, _, rest = fragment.partition(b"\n")
    size = int(length)
    return rest[:size], rest[size:]


class SharedLines:
    """Distinct "IRI<TAB>payload" lines from many fragments, given back sorted and grouped by IRI."""

    def __init__(self, directory: str | None = None, run_lines: int | None = None) -> None:
        self._lines: set[bytes] = set()
        self._runs: list[IO[bytes]] = []
        self._directory = directory  # beside the output file: the runs are as large as the shared part
        self._run_lines = run_lines or RUN_LINES

    def add(self, lines: bytes) -> None:
        """Add lines (each ending in a newline)."""
        self._lines.update(lines.splitlines(keepends=True))
        if len(self._lines) >= self._run_lines:
            self._spill()

    def _spill(self) -> None:
        # Open until by_node() has merged it; removed by the system when closed, even after a crash.
        run = tempfile.TemporaryFile(dir=self._directory, prefix=".councilgraph-run-")  # noqa: SIM115
        run.writelines(sorted(self._lines))
        run.seek(0)
        self._runs.append(run)
        self._lines = set()

    @property
    def spilled(self) -> int:
        """Runs written to disk and not merged yet."""
        return len(self._runs)

    def by_node(self) -> Iterator[tuple[str, list[str]]]:
        """Each IRI with its payloads (sorted, each once, without the newline), in IRI order.

        Byte order of UTF-8 is code point order, and the tab sorts before any character of an IRI, so
        the IRIs come in the order of Python's ``sorted``.
        """
        try:
            merged = heapq.merge(*self._runs, sorted(self._lines))
            distinct = (line for line, _ in itertools.groupby(merged))
            for iri, lines in itertools.groupby(distinct, key=lambda line: line.split(b"\t", 1)[0]):
                yield iri.decode("utf-8"), [line.split(b"\t", 1)[1][:-1].decode("utf-8") for line in lines]
        finally:
            for run in self._runs:
                run.close()
            self._runs, self._lines = [], set()


class MergedExporter(FragmentExporter):
    """A file of all documents merged into one graph: fragments made by :func:`pack`, own parts written as they
    come, shared lines kept for :meth:`tail` (``self.shared.by_node()``)."""

    def __init__(self, out: BinaryIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
        super().__init__(out, options)
        self.shared = SharedLines(run_directory(out))

    def write(self, fragment: bytes) -> None:
        own, shared = unpack(fragment)
        super().write(own)
        self.shared.add(shared)
