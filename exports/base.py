"""The exporter protocol and the atomic file write every exporter uses."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rdflib import URIRef

from councilgraph.graph.mapping import Triple

__all__ = ["DocumentGraph", "Exporter", "atomic_write"]


@dataclass(frozen=True, slots=True)
class DocumentGraph:
    """The triples of one input document and the name of its graph."""

    name: URIRef
    triples: tuple[Triple, ...]


class Exporter(Protocol):
    """Receives documents one at a time, then writes its file once."""

    def write(self, document: DocumentGraph) -> None:
        """Take one document's triples."""

    def finalize(self) -> None:
        """Write the output file (atomically), after the last document."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
