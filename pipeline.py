"""Running the stages: one document (a pure function of its bytes), then many."""

from __future__ import annotations

import glob
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from councilgraph.exports.base import DocumentGraph
from councilgraph.extract.press_release import extract_press_release
from councilgraph.extract.read import InputError, Source, read_source
from councilgraph.extract.records import PressRelease, ResolutionDocument
from councilgraph.extract.resolution_document import extract_resolution
from councilgraph.extract.resolution_text import looks_like_resolution
from councilgraph.extract.segment import release_evidence
from councilgraph.graph.iris import document_iri, release_key
from councilgraph.graph.mapping import press_release_triples, release_iri, resolution_document_triples

__all__ = ["KINDS", "BuiltDocument", "InputError", "build_source", "build_path", "expand_inputs", "INPUT_SUFFIXES"]

#: File suffixes picked up when a folder is given as input.
INPUT_SUFFIXES = (".txt", ".html", ".htm")


#: What ``--kind`` accepts: detect, or force one reader.
KINDS = ("auto", "press-release", "resolution")


@dataclass(frozen=True, slots=True)
class BuiltDocument:
    """The outcome of building one document (a press release or a resolution text)."""

    source: Source
    record: PressRelease | ResolutionDocument
    graph: DocumentGraph
    timings: tuple[float, float] = (0.0, 0.0)  # seconds spent extracting and mapping, for the benchmark

    @property
    def symbol(self) -> str:
        """The symbol that names the document: "SC/13081", "S/RES/889 (1993)"."""
        if isinstance(self.record, PressRelease):
            return self.record.layout.header.symbol or release_key(None, self.source)
        return self.record.text.document.symbol

    def summary(self) -> str:
        """One line for the console."""
        record = self.record
        if isinstance(record, PressRelease):
            counts = (f"{len(record.statements)} statements, {len(record.alignments)} alignments, "
                      f"{len(record.citations)} citations")
        else:
            kinds = [p.kind for p in record.text.paragraphs]
            counts = (f"{kinds.count('preambular')} preambular and {kinds.count('operative')} operative paragraphs, "
                      f"{len(record.citations)} citations")
        return (f"{self.source.name}: {self.symbol}, {counts}, {len(self.graph.terms)} triples, "
                f"{len(record.findings)} findings")


def build_source(source: Source, kind: str = "auto") -> BuiltDocument:
    """Extract and map one decoded document; ``kind`` is one of :data:`KINDS`.

    Raises:
        InputError: the document is neither a press release nor a resolution text.
    """
    if kind == "auto":
        # A release's header outweighs a resolution heading in its sub-headline ("Resolution 2149 (2014)
        # Mandates ..."); a resolution file's dated header outweighs a release that shows only a date.
        evidence = release_evidence(source)
        if evidence == "header":
            kind = "press-release"
        elif looks_like_resolution(source):
            kind = "resolution"
        elif evidence == "opening":
            kind = "press-release"
        else:
            raise InputError("neither a press release (no symbol such as SC/13081, no meeting or date line) "
                             "nor a resolution text (no 'Resolution N (YYYY)' heading)")
    start = time.perf_counter()
    if kind == "resolution":
        resolution = extract_resolution(source)
        extracted = time.perf_counter()
        triples = tuple(resolution_document_triples(source, resolution))
        graph = DocumentGraph(document_iri(resolution.text.document.symbol), triples)
        return BuiltDocument(source, resolution, graph, (extracted - start, time.perf_counter() - extracted))
    release = extract_press_release(source)
    extracted = time.perf_counter()
    triples = tuple(press_release_triples(source, release))
    graph = DocumentGraph(release_iri(release, source), triples)
    return BuiltDocument(source, release, graph, (extracted - start, time.perf_counter() - extracted))


def build_path(path: Path, kind: str = "auto") -> BuiltDocument:
    """Read and build one file. Raises :class:`InputError` for bad input."""
    return build_source(read_source(path), kind)


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path]:
    """Files named by the user: files as given, folders searched for press releases, globs expanded.

    Paths and patterns that match nothing are yielded as given, so that reading them reports the
    error for that input; an empty folder yields nothing. So is a link in a folder that leads nowhere
    (dangling, or a loop such as ``a.txt -> a.txt``): it is an input the user meant, and cannot be read.
    """
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*")
                                if (p.is_file() or _leads_nowhere(p)) and p.suffix.lower() in INPUT_SUFFIXES)
        elif not path.exists() and glob.has_magic(item):
            candidates = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file()) or [path]
        else:
            candidates = [path]
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate


def _leads_nowhere(path: Path) -> bool:
    """A symbolic link whose target does not exist or loops (exists() is False for both)."""
    return path.is_symlink() and not path.exists()

