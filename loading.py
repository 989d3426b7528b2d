"""The store of a build, loaded by its first reader: `build` keeps each document's N-Quads fragment only.

Loading the on-disk store cost a build about 46 ms of CPU per document plus its
compaction, a fifth to a third of an archive build. So a build names the store
generation its documents make (``manifest.store``, a hash of their fragments'
keys) and commits without it; the first `query`, `tables` or `serve` that finds
the generation missing loads it here, under the output folder's lock:

- from a copy (hard links, cheap) of the most recently loaded generation (see
  :func:`councilgraph.output.load_base`), dropping the documents that changed
  or left and loading those that are new or changed, so a rebuild that changed
  one document costs its first query one document's load; or, with no such
  generation (or one sharing less than half the documents), into an empty store;
- in ``DIR/.store.new-PID/``, checked to hold exactly the manifest's documents,
  fsynced, then renamed to ``DIR/store/GENERATION/``: a reader sees no store or
  a whole one, and a killed load leaves only the staging folder, which nobody
  reads and the next build or load removes.

Two readers at once: the second waits for the lock, then finds the store the
first loaded. A reader racing a build waits for the build, then loads the store
of the manifest it committed. A folder the reader cannot write (a read-only
copy, another user's folder) gets :class:`CannotLoad`; `query` and `tables`
then load the store into a temporary folder for that one command (:func:`open_store`).
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from councilgraph.manifest import MANIFEST, Entry, Manifest
from councilgraph.ontology import ontology_path
from councilgraph.output import (
    CACHE_DIR,
    Steps,
    fsync_directory,
    fsync_tree,
    load_base,
    locked,
    remove_leftovers,
)
from councilgraph.store import (
    LOADED,
    STORE_DIR,
    DocumentStore,
    StoreError,
    StoreMissing,
    find_store,
    loaded_with,
    staging_path,
)

__all__ = ["STORE_FRAGMENT", "CannotLoad", "UnreadableFragments", "ensure_store", "fragment_sound", "generation_name",
           "load_fragments", "open_store"]

#: The fragment of each document that the store is loaded from (made whether or not graph.nq is asked for).
STORE_FRAGMENT = "nquads"
_BATCH = 5  # documents per bulk load: see load_fragments
_UNWRITABLE = (errno.EACCES, errno.EPERM, errno.EROFS)

Announce = Callable[[str], None]


def _silent(line: str) -> None:
    pass


class UnreadableFragments(StoreError):
    """Fragments of the right size that are not N-Quads (NUL bytes: a power cut after their size reached the
    disk, before their data): ``keys``. The size check cannot see them; the parser can."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(f"{len(keys)} fragment(s) in {CACHE_DIR}/ are not N-Quads")
        self.keys = keys


class CannotLoad(StoreError):
    """The store of the build in ``folder`` is not loaded, and the folder cannot be written to load it."""

    def __init__(self, folder: Path, message: str) -> None:
        super().__init__(message)
        self.folder = folder


def generation_name(manifest: Manifest) -> str:
    """The name of the store generation ``manifest``'s documents and the ontology make (computed without
    loading anything: the same inputs give the same name, and so the same manifest)."""
    return manifest.generation(hashlib.sha256(ontology_path().read_bytes()).hexdigest())


def ensure_store(path: Path, announce: Announce = _silent, wait: bool = True) -> Path:
    """The store ``path`` names (see :func:`councilgraph.store.find_store`), loaded first when the build's
    generation is not there yet. ``wait``: for a build or load holding the folder (else OutputBusy).

    Raises:
        StoreError: not a store or a build, a damaged store, damaged fragments (removed, so that the next
            build makes their documents again), or a load that failed (a full disk, a file in the way);
            :class:`CannotLoad` when the folder cannot be written.
    """
    try:
        return find_store(path)
    except StoreMissing as missing:
        out_dir = missing.folder
    try:
        with locked(out_dir, wait, waiting=lambda pid: announce(
                f"waiting for process {pid or '?'}, which is writing {out_dir} ...")):
            manifest = Manifest.load(out_dir / MANIFEST)  # a build may have committed another while we waited
            if not manifest.store:
                return find_store(path)  # raises: no build there any more
            generation = out_dir / STORE_DIR / manifest.store
            if not generation.exists():
                _load_generation(out_dir, manifest, announce)
            return find_store(path)
    except OSError as err:
        if err.errno in _UNWRITABLE:
            raise CannotLoad(out_dir, f"the store of the build in {out_dir} is not loaded yet, and loading it needs to "
                             f"write there: {err.strerror}") from err
        # A StoreError, so that every reader (`serve` too, which printed a traceback) says it in one line.
        raise StoreError(f"cannot load the store of the build in {out_dir}: "
                         f"{err.strerror or ' '.join(str(err).split())[:300]}") from err


def open_store(path: Path, announce: Announce = _silent) -> DocumentStore:
    """The store ``path`` names, opened read-only, loaded first if needed (see :func:`ensure_store`); in a
    folder that cannot be written, loaded into a temporary folder for this process instead (and ``announce`` says
    so)."""
    try:
        ensure_store(path, announce)
    except CannotLoad as err:
        manifest = Manifest.load(err.folder / MANIFEST)
        announce(f"note: {err}; loading its {len(manifest.entries)} document(s) into a temporary store for this command")
        return _in_a_temporary_folder(err.folder, manifest)
    return DocumentStore.open_read_only(path)


def _in_a_temporary_folder(out_dir: Path, manifest: Manifest) -> DocumentStore:
    """The build's store loaded for this process only, without the lock: this process cannot write the folder,
    and so removes nothing (a fragment removed meanwhile by another user's build fails it with one line).

    It is an on-disk store in a temporary folder, removed when the process ends: pyoxigraph's in-memory store
    gives quads in another order, and GROUP_CONCAT and ties in ORDER BY follow that order, so the answers would
    differ in their bytes from those of the same build's loaded store."""
    temporary = Path(tempfile.mkdtemp(prefix="councilgraph-store-"))
    atexit.register(shutil.rmtree, temporary, ignore_errors=True)
    store = DocumentStore.create(temporary / "store")
    try:
        cache = out_dir / CACHE_DIR
        damaged = [entry for entry in manifest.entries.values() if not fragment_sound(entry, cache, STORE_FRAGMENT)]
        try:
            for _ in load_fragments(store, cache, [entry.fragments for entry in manifest.entries.values()]):
                pass
        except UnreadableFragments as err:
            _refuse(out_dir, manifest, _entries(manifest, err.keys), remove=False)
        store.load_ontology(ontology_path())
        damaged += _missing(set(store.documents()), manifest)
        if damaged or set(store.documents()) != manifest.graphs():
            _refuse(out_dir, manifest, damaged, remove=False)
    except OSError as err:
        store.close()
        raise StoreError(f"cannot load the store of the build in {out_dir} (did a build change it meanwhile? "
                         f"run the command again): {err.strerror or err}") from err
    except BaseException:
        store.close()
        raise
    return store


def _load_generation(out_dir: Path, manifest: Manifest, announce: Announce) -> None:
    """Load the generation ``manifest`` names, in a staging folder renamed into place (the lock is held)."""
    remove_leftovers(out_dir, keep=manifest.store)  # what killed builds and loads left
    wanted = {entry.graph: entry.fragments for entry in manifest.entries.values()}
    _refuse_damaged(out_dir, manifest)
    base = load_base(out_dir, manifest.store)
    loaded = loaded_with(base) if base is not None else None
    if loaded is not None and sum(wanted.get(g) == k for g, k in loaded.items()) * 2 < len(wanted):
        loaded = None  # mostly other documents: loading them all is cheaper than removing
    staged = staging_path(out_dir / STORE_DIR)
    staged.mkdir()  # here, not in RocksDB, so that a folder this process cannot write raises PermissionError
    staged.rmdir()  # (a checkpoint needs a folder that does not exist)
    try:
        store = _copy_of(base, staged) if loaded is not None else None
        if store is not None and _fill(store, out_dir, manifest, loaded or {}, announce) != manifest.graphs():
            store.close()  # the base did not hold what it said: start again from nothing, as it is rare
            store = None
        if store is None:
            store = DocumentStore.create(staged)
            held = _fill(store, out_dir, manifest, {}, announce)
            if held != manifest.graphs():
                store.close()
                _refuse(out_dir, manifest, _missing(held, manifest), remove=True)
        with contextlib.closing(store):
            (staged / LOADED).write_text(json.dumps(wanted, sort_keys=True), encoding="utf-8")
        _rename_into_place(staged, out_dir / STORE_DIR / manifest.store)
    finally:
        shutil.rmtree(staged, ignore_errors=True)  # gone when renamed: left only by a failure
    remove_leftovers(out_dir, keep=manifest.store, keep_base=False)  # the base served its turn


def _fill(store: DocumentStore, out_dir: Path, manifest: Manifest, loaded: dict[str, str], announce: Announce,
          ) -> set[str]:
    """Make ``store``, which holds ``loaded`` (graph -> fragment key), hold the manifest's documents and the
    ontology; the documents it then holds (compacted only when they are the manifest's)."""
    wanted = {entry.graph: entry.fragments for entry in manifest.entries.values()}
    todo = [key for graph, key in sorted(wanted.items()) if loaded.get(graph) != key]
    announce(f"loading the store of {out_dir}: {len(todo)} of {len(wanted)} document(s), once after each build ...")
    for graph, key in loaded.items():
        if wanted.get(graph) != key:
            store.remove(graph)
    try:
        for _ in load_fragments(store, out_dir / CACHE_DIR, todo):
            pass
    except UnreadableFragments as err:
        store.close()
        _refuse(out_dir, manifest, _entries(manifest, err.keys), remove=True)
    store.load_ontology(ontology_path())
    held = set(store.documents())
    if held == manifest.graphs() and len(todo) * 10 >= len(wanted):  # a small change to a large store: not worth it
        store.optimize()  # the most-cited query at 1,000 documents: 104-112 ms before, 47 after
    return held


def _copy_of(base: Path | None, staged: Path) -> DocumentStore | None:
    """A copy of the base generation to change (a checkpoint: hard links), or None when it cannot be read."""
    if base is None:
        return None
    try:
        previous = DocumentStore.open_read_only(base)
    except StoreError:
        return None
    try:
        previous.backup(staged)
    except (OSError, RuntimeError):
        return None
    finally:
        previous.close()
    return DocumentStore.open(staged)


def _rename_into_place(staged: Path, target: Path) -> None:
    """The load's commit: its files synced, then one rename (each step a kill point for the tests)."""
    step = Steps()
    target.parent.mkdir(exist_ok=True)  # DIR/store itself may have been deleted
    fsync_tree(staged)
    step("store synced")
    os.replace(staged, target)  # the folder does not exist: checked under the lock
    step("store renamed")
    fsync_directory(target.parent)
    step("store folder synced")


def _refuse_damaged(out_dir: Path, manifest: Manifest) -> None:
    """Refuse, before loading, documents whose fragment is not the size the manifest recorded (cut short,
    emptied): they would load nothing, or half a document."""
    cache = out_dir / CACHE_DIR
    damaged = [entry for entry in manifest.entries.values() if not fragment_sound(entry, cache, STORE_FRAGMENT)]
    if damaged:
        _refuse(out_dir, manifest, damaged, remove=True)


def _entries(manifest: Manifest, keys: list[str]) -> list[Entry]:
    return [entry for entry in manifest.entries.values() if entry.fragments in keys]


def _missing(held: set[str], manifest: Manifest) -> list[Entry]:
    return [entry for entry in manifest.entries.values() if entry.graph not in held]


def _refuse(out_dir: Path, manifest: Manifest, damaged: list[Entry], remove: bool) -> None:
    """One line for the reader; with ``remove`` (the lock is held) the damaged fragments are removed, so that
    the next build makes their documents again instead of trusting them."""
    if remove:
        for entry in damaged:
            (out_dir / CACHE_DIR / f"{entry.fragments}.{STORE_FRAGMENT}").unlink(missing_ok=True)
    what = f"the fragments of {len(damaged)} of its document(s) in {CACHE_DIR}/ are damaged" if damaged else \
        "it would hold documents its manifest does not list"
    raise StoreError(f"cannot load the store of the build in {out_dir}: {what}{' (removed)' if remove and damaged else ''}"
                     f"; run `councilgraph build` again")


def fragment_sound(entry: Entry, cache: Path, kind: str) -> bool:
    """Whether a document's fragment of ``kind`` is there and the size the manifest recorded (an emptied or cut
    short fragment would load nothing into the store, or write half a document into the files)."""
    try:
        return (cache / f"{entry.fragments}.{kind}").stat().st_size == entry.sizes.get(kind)
    except OSError:
        return False


def load_fragments(store: DocumentStore, cache: Path, keys: list[str], batch: int = _BATCH) -> Iterator[str]:
    """Bulk-load the documents' N-Quads fragments into the store, ``batch`` documents per load; yields each key.

    Loads that follow one another without a pause: RocksDB compacts its files in the pauses (loading ten
    documents every second cost 115 ms of CPU per document, back to back 49 ms, measured on 1,000 synthetic
    releases). A load holds its documents' quads several times over while it sorts them (about 1 KB each):
    five documents per load peaked 18 MB lower than ten, and took 10% less CPU; loads of one to three
    documents cost more (measured loading 2,000 synthetic releases).
    """
    for i in range(0, len(keys), batch):
        chunk = keys[i:i + batch]
        try:
            store.load_quads(b"".join((cache / f"{key}.{STORE_FRAGMENT}").read_bytes() for key in chunk))
        except SyntaxError:  # which of them: rare, so each is parsed again on its own
            raise UnreadableFragments([key for key in chunk if not _parses(cache / f"{key}.{STORE_FRAGMENT}")]
                                      or chunk) from None
        yield from chunk


def _parses(fragment: Path) -> bool:
    """Whether a fragment is N-Quads (loaded into a store in memory, thrown away)."""
    probe = DocumentStore.create(None)
    try:
        probe.load_quads(fragment.read_bytes())
    except SyntaxError:
        return False
    finally:
        probe.close()
    return True
