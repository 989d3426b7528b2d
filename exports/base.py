"""The exporter protocol, and file writing that never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rdflib import URIRef

from councilgraph.graph.mapping import Triple

__all__ = ["DocumentGraph", "Exporter", "StagedFiles", "atomic_write", "write_output"]


@dataclass(frozen=True, slots=True)
class DocumentGraph:
    """The triples of one input document and the name of its graph."""

    name: URIRef
    triples: tuple[Triple, ...]
    lines: tuple[str, ...] = ()  # the triples as N-Triples lines, formatted once for every consumer


class Exporter(Protocol):
    """Receives documents one at a time, then writes its file once."""

    path: Path

    def write(self, document: DocumentGraph) -> None:
        """Take one document's triples."""

    def finalize(self) -> None:
        """Write the output file, after the last document."""


class StagedFiles:
    """Output files written to temporary files first, then renamed into place together.

    A build writes several files; staging them all before renaming any means a
    failure (full disk, a folder in the way) leaves the previous set intact.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []

    def write(self, path: Path, data: bytes) -> None:
        """Write ``data`` to a temporary file beside ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self._pending.append((Path(tmp), path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual permissions

    def commit(self) -> None:
        """Rename every staged file into place."""
        for _, path in self._pending:
            if path.is_dir():
                raise IsADirectoryError(f"{path} is a directory")
        for tmp, path in self._pending:
            os.replace(tmp, path)
        self._pending.clear()

    def discard(self) -> None:
        """Remove the temporary files; the previous outputs stay as they were."""
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
        self._pending.clear()


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


def write_output(path: Path, data: bytes, files: StagedFiles | None) -> None:
    """Stage ``data`` for ``path`` in ``files``; without staging, write it atomically at once."""
    if files is None:
        atomic_write(path, data)
    else:
        files.write(path, data)
