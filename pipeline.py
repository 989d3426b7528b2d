"""Running the stages: one document (a pure function of its bytes), then many."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from councilgraph.exports.base import DocumentGraph
from councilgraph.extract.press_release import extract_press_release
from councilgraph.extract.read import InputError, Source, decode_source, read_source
from councilgraph.extract.records import PressRelease
from councilgraph.graph.mapping import press_release_triples, release_iri

__all__ = ["BuiltDocument", "InputError", "build_bytes", "build_source", "build_path", "expand_inputs", "INPUT_SUFFIXES"]

#: File suffixes picked up when a folder is given as input.
INPUT_SUFFIXES = (".txt",)


@dataclass(frozen=True, slots=True)
class BuiltDocument:
    """The outcome of building one document."""

    source: Source
    release: PressRelease
    graph: DocumentGraph

    def summary(self) -> str:
        """One line for the console: symbol, statements, alignments, triples, findings."""
        release = self.release
        return (f"{self.source.name}: {release.layout.header.symbol}, "
                f"{len(release.statements)} statements, {len(release.alignments)} alignments, "
                f"{len(self.graph.triples)} triples, {len(release.findings)} findings")


def build_source(source: Source) -> BuiltDocument:
    """Extract and map one decoded document.

    Raises:
        InputError: the document is not a press release.
    """
    release = extract_press_release(source)
    triples = tuple(press_release_triples(source, release))
    return BuiltDocument(source, release, DocumentGraph(release_iri(release), triples))


def build_bytes(data: bytes, name: str) -> BuiltDocument:
    """Build a document from raw bytes (no file system)."""
    return build_source(decode_source(data, name))


def build_path(path: Path) -> BuiltDocument:
    """Read and build one file. Raises :class:`InputError` for bad input."""
    return build_source(read_source(path))


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path]:
    """Files named by the user: files as given, folders searched for press releases, globs expanded.

    Paths and patterns that match nothing are yielded as given, so that reading them reports the
    error for that input; an empty folder yields nothing.
    """
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
        elif not path.exists() and glob.has_magic(item):
            candidates = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file()) or [path]
        else:
            candidates = [path]
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate

