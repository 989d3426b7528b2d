"""The build manifest (``DIR/manifest.json``): what each input was when it was last built.

A rebuild compares each input's content hash with its entry and rebuilds only
what changed. The fingerprint covers what else shapes the output (the tool's
version, the formats, the options): when it changes, everything is rebuilt.
The manifest is also the build's commit record: it names the store generation
(``DIR/store/GENERATION/``) and the SHA-256 of each output file the build
wrote, and it is written last, so it always describes one complete build.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["MANIFEST", "Entry", "Manifest", "fingerprint"]

MANIFEST = "manifest.json"
_FORMAT = 2  # this file's own layout (2: the store generation and the files' hashes)


@dataclass(frozen=True, slots=True)
class Entry:
    """One built input: its content hash, the document it made, and where its fragments are kept."""

    sha256: str
    graph: str  # the document's IRI, which names its graph in the store
    symbol: str
    summary: str
    counts: tuple[int, int, int]  # validation results: violations, warnings, infos
    fragments: str  # key of the document's fragment files
    #: Each fragment's size in bytes: a fragment that is not this size (emptied, cut short) is not trusted,
    #: and the document is built again from its source. Empty (an older manifest): nothing is trusted.
    sizes: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Manifest:
    """Every built input by path, and the fingerprint of the build that made them."""

    fingerprint: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    store: str = ""  # the store's generation: its folder in DIR/store/
    files: dict[str, str] = field(default_factory=dict)  # output file name -> SHA-256 of its bytes
    _owners: dict[str, str] = field(default_factory=dict, repr=False)  # graph -> path, kept by put and drop

    def __post_init__(self) -> None:
        self._owners = {entry.graph: path for path, entry in self.entries.items()}

    def put(self, path: str, entry: Entry) -> None:
        """Record (or replace) what ``path`` built."""
        if path in self.entries:
            self.drop(path)
        self.entries[path] = entry
        self._owners[entry.graph] = path

    def drop(self, path: str) -> Entry:
        """Forget ``path``; its entry."""
        entry = self.entries.pop(path)
        if self._owners.get(entry.graph) == path:
            del self._owners[entry.graph]
        return entry

    def owner(self, graph: str) -> str | None:
        """The input whose document is ``graph`` (a dictionary look-up: a build asks once per document)."""
        return self._owners.get(graph)

    @classmethod
    def load(cls, path: Path) -> Manifest:
        """The manifest at ``path``; an empty one when there is none or it cannot be read (all is rebuilt)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != _FORMAT:
                return cls()
            entries = {name: Entry(**{**entry, "counts": tuple(entry["counts"])})
                       for name, entry in data["documents"].items()}
            return cls(data["fingerprint"], entries, data["store"], dict(data["files"]))
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def generation(self, *extra: object) -> str:
        """The name of the store these entries make: a hash of what is loaded into it (and ``extra``).

        Derived from the content, not the time, so that the same inputs give the same manifest, byte for byte.
        """
        return fingerprint(self.fingerprint, sorted((e.graph, e.fragments) for e in self.entries.values()), *extra)

    def graphs(self) -> set[str]:
        """The documents' graph names, as the store must hold them."""
        return {entry.graph for entry in self.entries.values()}

    def dumps(self) -> bytes:
        """The manifest as JSON, keys sorted: the same builds give the same file."""
        data = {"format": _FORMAT, "fingerprint": self.fingerprint, "store": self.store, "files": self.files,
                "documents": {name: asdict(entry) for name, entry in sorted(self.entries.items())}}
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def fingerprint(*parts: object) -> str:
    """A short stable hash of what shapes the output besides the inputs."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:16]
