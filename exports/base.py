"""The exporter protocol, and file writing that never leaves half a file behind.

An archive build must not hold every triple in memory, and a rebuild must not
format again what did not change. So each format is split in two: a
*fragment* of one document, made where the document is built (in a worker
process) and kept between builds, and the *file*, written by appending the
fragments in graph order and finishing with what spans documents (the nodes
shared by several documents, merged from what each fragment says of them).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, ClassVar, Protocol

from rdflib import URIRef

from councilgraph.graph.emit import Triple
from councilgraph.graph.terms import TermTriple, nquad_term, rdflib_term

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: temporary files are not locked there
    fcntl = None  # type: ignore[assignment]

__all__ = ["DEFAULT_OPTIONS", "DocumentGraph", "ExportOptions", "Exporter", "FragmentExporter", "StagedFiles", "atomic_write",
           "copy_into", "read_once", "staged_writer", "write_file", "write_into"]


@dataclass(frozen=True, slots=True)
class DocumentGraph:
    """The triples of one input document and the name of its graph.

    The exporters read ``terms``: each triple's terms in N-Triples syntax (:mod:`councilgraph.graph.terms`),
    as the mapping writes them; ``lines`` are the same triples as N-Triples lines, joined once for every
    consumer. ``triples`` gives rdflib terms, made on each call, for readers that want them.
    """

    name: URIRef
    terms: tuple[TermTriple, ...]
    lines: tuple[str, ...] = ()  # made from ``terms`` when not given

    def __post_init__(self) -> None:
        if not self.lines and self.terms:
            object.__setattr__(self, "lines", tuple(f"{s} {p} {o} .\n" for s, p, o in self.terms))

    @classmethod
    def from_triples(cls, name: URIRef, triples: Iterable[Triple]) -> DocumentGraph:
        """A document of rdflib triples (tests, documents made by hand)."""
        return cls(name, tuple((nquad_term(s), nquad_term(p), nquad_term(o)) for s, p, o in triples))

    @property
    def triples(self) -> tuple[Triple, ...]:
        """The triples as rdflib terms (made on each call: the build's exporters read ``terms``)."""
        return tuple((rdflib_term(s), rdflib_term(p), rdflib_term(o)) for s, p, o in self.terms)

    def ntriples(self) -> str:
        """The document as N-Triples text."""
        return "".join(self.lines)


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What the build asked for that changes an export's content."""

    with_statements: bool = False  # citation network: edges from speakers' delegations too


DEFAULT_OPTIONS = ExportOptions()


class Exporter(Protocol):
    """One output file: a fragment per document, appended in graph order, then finished."""

    file_name: ClassVar[str]

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions) -> bytes:
        """The document's part of the file (pure; runs in the worker that built the document)."""

    def write(self, fragment: bytes) -> None:
        """Append one document's fragment."""

    def finalize(self) -> None:
        """Add what spans documents (the merged shared nodes, the network) and end the file."""


class FragmentExporter:
    """Writes a header, the fragments with a separator between them, and what :meth:`tail` gives."""

    file_name: ClassVar[str] = ""
    separator: ClassVar[bytes] = b""
    #: The file is the fragments one after another and nothing else (no head, separator or tail): it can be
    #: copied from the fragment files by the kernel (:func:`copy_into`) instead of read and written.
    verbatim: ClassVar[bool] = False

    def __init__(self, out: BinaryIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
        self.out = out
        self.options = options
        self._written = 0
        out.write(self.head())

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        """The document's part of the file; each format defines it."""
        raise NotImplementedError

    def head(self) -> bytes:
        return b""

    def tail(self) -> Iterable[bytes]:
        return ()

    def write(self, fragment: bytes) -> None:
        if not fragment:
            return
        if self._written and self.separator:
            self.out.write(self.separator)
        self.out.write(fragment)
        self._written += 1

    def finalize(self) -> None:
        for chunk in self.tail():
            self.out.write(chunk)


def write_file(files: StagedFiles, path: Path, make: Callable[[BinaryIO], FragmentExporter],
               fragments: Iterable[bytes]) -> None:
    """Stage ``path`` as ``make`` writes it: its head, the fragments in order, then what spans documents."""
    with files.open(path) as out:
        write_into(out, make, fragments)


def write_into(out: BinaryIO, make: Callable[[BinaryIO], FragmentExporter], fragments: Iterable[bytes]) -> None:
    """What :func:`write_file` writes, into ``out``."""
    writer = make(out)
    for fragment in fragments:
        writer.write(fragment)
    writer.finalize()


def copy_into(out: BinaryIO, parts: Iterable[Path], release: bool = False) -> None:
    """The files ``parts`` one after another, the bytes copied by the kernel where it can (``copy_file_range``:
    a 1 GB N-Quads file of 1,000 releases in 1.4 s of CPU instead of 2.6); ``release``: see :func:`read_once`."""
    out.flush()  # nothing buffered: the copies write at the descriptor's position
    for part in parts:
        with part.open("rb") as source:
            _copy(source, out)
            if release:
                _release(source)


def read_once(part: Path) -> bytes:
    """A file's bytes, its pages then released from the page cache: for files read once and not again soon.

    The build's fragments are written, then read once into the output files. Kept in memory, they would double
    what the build adds to the page cache (2.7 GB at 1,000 releases), and on a machine with free memory each new
    page costs: a virtual machine's host hands it over on first use (measured here: 4.7 s a GB, against 0.3 for
    pages just released). Released once read, their pages are the ones the output files are written into.
    """
    with part.open("rb") as source:
        data = source.read()
        _release(source)
    return data


def _release(source: BinaryIO) -> None:
    # Pages not on disk yet stay (the kernel starts writing them); the next build reads them from disk again.
    if hasattr(os, "posix_fadvise"):  # not on macOS
        os.posix_fadvise(source.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _copy(source: BinaryIO, out: BinaryIO) -> None:
    remaining = os.fstat(source.fileno()).st_size
    try:
        while remaining > 0:
            copied = os.copy_file_range(source.fileno(), out.fileno(), remaining)
            if copied == 0:  # the file was shorter than its size said
                break
            remaining -= copied
    except (AttributeError, OSError):  # no copy_file_range (not Linux), or not between these two files
        shutil.copyfileobj(source, out)
        out.flush()


class StagedFiles:
    """Output files written to temporary files first, then renamed into place together.

    A build writes several files; staging them all before renaming any means a
    failure (full disk, a folder in the way) leaves the previous set intact.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []
        self._locks: dict[Path, int] = {}  # temporary file -> a descriptor holding its flock until it is renamed
        self._digests: dict[Path, str] = {}  # temporary file -> the SHA-256 its writer took of it

    def write(self, path: Path, data: bytes) -> None:
        """Write ``data`` to a temporary file beside ``path``."""
        tmp = self.reserve(path)
        with staged_writer(tmp) as fh:
            fh.write(data)
        self._digests[tmp] = hashlib.sha256(data).hexdigest()

    @contextmanager
    def open(self, path: Path) -> Iterator[BinaryIO]:
        """A temporary file beside ``path`` to write in pieces (for files too large to hold in memory)."""
        with staged_writer(self.reserve(path)) as fh:
            yield fh

    def reserve(self, path: Path) -> Path:
        """The temporary file beside ``path``, created and staged, for :func:`staged_writer` to fill (here or in
        a child process: the lock and the name stay this process's)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        # The process id in the name tells the next build whether the writer is gone (its file is a leftover).
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
        self._pending.append((Path(tmp), path))
        if fcntl is not None:  # and its lock tells it for sure, also to a build in another PID namespace
            fcntl.flock(fd, fcntl.LOCK_EX)
            self._locks[Path(tmp)] = fd
        else:  # pragma: no cover - Windows
            os.close(fd)
        return Path(tmp)

    def record_digest(self, tmp: Path, sha256: str) -> None:
        """What the process that wrote ``tmp`` found its SHA-256 to be (the manifest records it)."""
        self._digests[tmp] = sha256

    def recorded_digest(self, tmp: Path) -> str | None:
        """The SHA-256 of a staged file as its writer recorded it, if it did. A writer that hashes what it has just
        written reads it from memory, and two writers hash in parallel: read again once the commit began, the
        files of 1,000 releases (1.3 GB) cost the build a second."""
        return self._digests.get(tmp)

    def staged(self) -> list[tuple[Path, Path]]:
        """The staged files: (temporary file, where it goes) in the order they were written."""
        return list(self._pending)

    def commit(self, renamed: Callable[[Path], None] = lambda path: None) -> None:
        """Rename every staged file into place; ``renamed`` is called after each rename."""
        for _, path in self._pending:
            if path.is_dir():
                raise IsADirectoryError(f"{path} is a directory")
        while self._pending:
            tmp, path = self._pending[0]
            os.replace(tmp, path)
            del self._pending[0]  # renamed: no longer the caller's to discard
            self._unlock(tmp)
            renamed(path)

    def discard(self) -> None:
        """Remove the temporary files; the previous outputs stay as they were."""
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
            self._unlock(tmp)
        self._pending.clear()

    def _unlock(self, tmp: Path) -> None:
        fd = self._locks.pop(tmp, None)
        if fd is not None:
            os.close(fd)


@contextmanager
def staged_writer(tmp: Path, settle: Callable[[int], None] = os.fsync) -> Iterator[BinaryIO]:
    """Write a file :meth:`StagedFiles.reserve` staged; when the block ends, ``settle`` gets its descriptor: an
    fsync (on disk now), or for a build, whose commit syncs the file system before any rename, the start of
    its write-back."""
    with open(tmp, "wb", buffering=1 << 20) as fh:  # by name: writers may put their scratch files beside it
        yield fh
        fh.flush()
        settle(fh.fileno())
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual permissions


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half of one."""
    files = StagedFiles()
    try:
        files.write(path, data)
        files.commit()
    except BaseException:
        files.discard()
        raise
