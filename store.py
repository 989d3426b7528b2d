"""The embedded SPARQL store (pyoxigraph): one named graph per document, the union for queries.

A build's store is a *generation*, ``DIR/store/GENERATION/``, named by the
build's manifest (written last, see :mod:`councilgraph.output`) after a hash of
what it holds. The build itself only keeps each document's N-Quads fragment:
the first reader after it loads the generation from them
(:mod:`councilgraph.loading`), beside the old one, and renames it into place.
So readers find the store through the manifest: the one the files beside it
describe. They open it read-only and check that it holds the manifest's
documents; the ``oxigraph`` server reads the same folder (both are pinned to
one minor version so they agree on its format).
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from councilgraph.manifest import MANIFEST, Manifest

__all__ = ["LOADED", "ONTOLOGY_GRAPH", "STORE_DIR", "Answer", "DocumentStore", "QueryError", "StoreError",
           "StoreMissing", "Term", "find_store", "is_store", "answer", "loaded_with", "query_prefixes", "staging_path"]

#: The folder of the store's generations inside a build's output folder.
STORE_DIR = "store"
#: The named graph holding the ontology (its own IRI).
ONTOLOGY_GRAPH = "https://w3id.org/councilgraph/ontology"
#: In a generation's folder, beside RocksDB's files: each document's graph -> the key of the fragment it was
#: loaded from. Written before the folder is renamed into place; the next load starts from a copy of it.
LOADED = "councilgraph-loaded.json"

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


class StoreError(Exception):
    """The store cannot be opened (missing, not a store, locked by a writer)."""


class StoreMissing(StoreError):
    """The build in ``folder`` names a store generation that is not there (yet): it is loaded on first read."""

    def __init__(self, folder: Path, message: str) -> None:
        super().__init__(message)
        self.folder = folder


def is_store(path: Path) -> bool:
    """Whether ``path`` holds a store (RocksDB's CURRENT file is there)."""
    return (path / "CURRENT").is_file()


def find_store(path: Path) -> Path:
    """The store at ``path``: a store itself, or the generation that the manifest of a build's output folder
    (``path``, or ``path/..`` when given ``DIR/store``) names.

    Raises:
        StoreError: none of these is a store.
    """
    return _locate(path)[0]


def _locate(path: Path) -> tuple[Path, Manifest | None]:
    """The store at ``path`` and the manifest that describes it (None for a store given directly)."""
    if is_store(path):
        return path, None
    for folder in (path, path.parent) if path.name == STORE_DIR else (path,):
        manifest = Manifest.load(folder / MANIFEST)
        if manifest.store:  # else none, or one written before stores had generations
            located = folder / STORE_DIR / manifest.store
            if not located.exists():  # not loaded since the build (or deleted): see councilgraph.loading
                raise StoreMissing(folder, f"the store of the build in {folder} is missing "
                                   f"(run `councilgraph query` to load it, or `councilgraph build` again)")
            if not is_store(located):
                raise StoreError(f"the store of the build in {folder} is missing or unreadable "
                                 f"(run `councilgraph build` again to rebuild it)")
            return located, manifest
    if is_store(path / STORE_DIR):  # written before stores had generations
        return path / STORE_DIR, None
    raise StoreError(f"{path} is not a councilgraph store (run `councilgraph build --out DIR` first)")


class QueryError(Exception):
    """A SPARQL query that does not parse; the message gives line and column."""


def query_prefixes() -> dict[str, str]:
    """The project's prefixes, declared for every query so that ``cg:symbol`` works without PREFIX lines."""
    from councilgraph.graph.namespace import PREFIXES  # imports rdflib: not at start-up, most commands need none

    prefixes = {name: str(namespace) for name, namespace in PREFIXES}
    prefixes.update(rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#", rdfs="http://www.w3.org/2000/01/rdf-schema#",
                    xsd="http://www.w3.org/2001/XMLSchema#", sh="http://www.w3.org/ns/shacl#",
                    owl="http://www.w3.org/2002/07/owl#")
    return prefixes


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to a query: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] | None = None


class DocumentStore:
    """A pyoxigraph store holding one named graph per document."""

    def __init__(self, store: ox.Store, path: Path | None, read_only: bool = False) -> None:
        self._store = store
        self.path = path
        self.read_only = read_only

    @classmethod
    def create(cls, path: Path | None = None) -> DocumentStore:
        """A new, empty store in ``path`` (in memory when ``path`` is None)."""
        if path is not None and path.exists():
            shutil.rmtree(path)
        return cls(ox.Store(None if path is None else str(path)), path)

    @classmethod
    def open(cls, path: Path) -> DocumentStore:
        """Open an existing store to change it."""
        return cls(ox.Store(str(path)), path)

    def backup(self, target: Path) -> None:
        """A consistent copy of the store in ``target`` (RocksDB hard-links the files it can)."""
        if target.exists():
            shutil.rmtree(target)
        self._store.backup(str(target))

    @classmethod
    def open_read_only(cls, path: Path) -> DocumentStore:
        """Open an existing store for queries (``path`` may be a build's output folder).

        Raises:
            StoreError: there is no store, it is damaged (RocksDB cannot open it), or it does not hold
                the documents of the manifest that names it.
        """
        path, manifest = _locate(path)
        store = None
        try:
            store = cls(ox.Store.read_only(str(path)), path, read_only=True)
            matches = manifest is None or set(store.documents()) == manifest.graphs()
        except (OSError, RuntimeError) as err:  # pyoxigraph reports a damaged store as RuntimeError
            if store is not None:
                store.close()
            raise StoreError(f"cannot open the store {path} (run `councilgraph build` again to rebuild it): "
                             f"{' '.join(str(err).split())[:300]}") from err
        if not matches:
            store.close()
            raise StoreError(f"the store {path} does not hold the documents its manifest lists "
                             f"(run `councilgraph build` again to rebuild it)")
        return store

    def replace(self, document: str, ntriples: str) -> None:
        """Put a document's triples (N-Triples text) in its own named graph, replacing an earlier version.

        A bulk load: not a transaction of its own, which is why builds work on a copy of the store and
        swap it in at the end (and twice as fast as a transactional load, measured on the seed).
        """
        graph = ox.NamedNode(document)
        if self._store.contains_named_graph(graph):
            self._store.clear_graph(graph)
        self._store.bulk_load(input=ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)

    def load_quads(self, nquads: bytes) -> None:
        """Add N-Quads, typically several new documents' graphs at once.

        Bulk loads are not transactions (builds work on a copy that is swapped in at the end). The
        loader's threads free their buffers into arenas that glibc keeps: given back after each load, the
        process held 91 MB instead of 123 MB after loading 2,000 documents, at no measurable cost.
        """
        self._store.bulk_load(input=nquads, format=ox.RdfFormat.N_QUADS)
        _return_freed_memory()

    def optimize(self) -> None:
        """Compact the store's files after a large load, so that queries read fewer of them.

        After 1,000 documents loaded ten at a time the most-cited query took 104-112 ms, 47 ms after
        compacting (6.4 s). RocksDB's work runs without Python's lock: files can be written meanwhile.
        """
        self._store.optimize()

    def load_ontology(self, path: Path) -> None:
        """Put the ontology in its own named graph, so queries can read the labels of its terms."""
        graph = ox.NamedNode(ONTOLOGY_GRAPH)
        if self._store.contains_named_graph(graph):
            self._store.clear_graph(graph)
        self._store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=graph)

    def remove(self, document: str) -> None:
        """Drop a document's named graph (its input was removed)."""
        graph = ox.NamedNode(document)
        if self._store.contains_named_graph(graph):
            self._store.remove_graph(graph)

    def documents(self) -> list[str]:
        """The IRIs of the documents in the store, sorted."""
        return sorted(graph.value for graph in self._store.named_graphs()
                      if isinstance(graph, ox.NamedNode) and graph.value != ONTOLOGY_GRAPH)

    def __len__(self) -> int:
        return len(self._store)

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Answer:
        """Run a SPARQL query over the union of the documents.

        ``bindings`` fix variables before the query runs (each must be one the query returns).
        """
        substitutions = {ox.Variable(name): value for name, value in (bindings or {}).items()}
        try:
            result = self._store.query(sparql, prefixes=query_prefixes(), use_default_graph_as_union=True,
                                       substitutions=substitutions or None)
        except SyntaxError as err:
            raise QueryError(str(err)) from None
        except RuntimeError as err:  # pyoxigraph binds only variables the query returns
            raise QueryError(f"cannot bind {', '.join('?' + n for n in bindings or {})}: {err}") from None
        return answer(result)

    def close(self) -> None:
        """Release the store's files (RocksDB keeps them open while the object lives); safe to call twice."""
        store = self.__dict__.pop("_store", None)
        if store is None:
            return  # closed already: a full garbage collection (10 ms after a one-document build) is not repeated
        if not self.read_only:
            store.flush()
        del store
        gc.collect()
        _return_freed_memory()


def _return_freed_memory() -> None:
    """Give back to the system the memory a closed store freed.

    glibc keeps freed heap pages for reuse, and RocksDB's threads free theirs in arenas of their own: after
    loading 2,000 documents the build process held 136 MB with the store closed, 85 MB after this.
    """
    if not sys.platform.startswith("linux"):
        return  # malloc_trim is glibc's (and ctypes cannot open the running program on Windows)
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return  # a Linux without glibc (musl)
    trim(0)


def answer(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> Answer:
    """An :class:`Answer` from pyoxigraph's result (also used for results read back from HTTP)."""
    if isinstance(result, ox.QueryBoolean):
        return Answer(boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        return Answer(triples=tuple(result))
    variables = tuple(v.value for v in result.variables)
    rows = tuple(tuple(solution[name] for name in variables) for solution in result)
    return Answer(variables=variables, rows=rows)


def loaded_with(generation: Path) -> dict[str, str] | None:
    """What a generation was loaded with (graph -> fragment key), or None when it does not say (an older or
    damaged one: never used as the start of another load)."""
    try:
        loaded = json.loads((generation / LOADED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return loaded if isinstance(loaded, dict) and is_store(generation) else None


def staging_path(store_path: Path) -> Path:
    """Where a build writes its new store before swapping it in."""
    return store_path.with_name(f".{store_path.name}.new-{os.getpid()}")
