"""The output folder as a small database: one writer at a time, one commit point, nothing left behind.

Lock: a build holds an exclusive ``flock`` on ``DIR/.councilgraph/lock`` (which
records its process id) from its start to its end, and so does a reader while
it loads the store (:mod:`councilgraph.loading`). A second build into DIR
stops at once (:class:`OutputBusy`) or waits for it. Readers of a loaded store
take no lock: they read what the manifest names, which nobody changes in place.

Commit: a build stages its output files first, each as
``DIR/.NAME.PID.XXXX.tmp``, fsynced. Then (1) the fragments' folder is fsynced
(the manifest trusts the fragments the store will be loaded from), (2) the
files are renamed over the names the user knows (``graph.ttl``...), stale
formats removed, the folder fsynced, and (3) ``manifest.json`` is written to
a temporary file, fsynced, renamed into place, and the folder fsynced again.
That rename is the one commit point: before it the manifest names the previous
store generation and the previous files' hashes, after it the new ones. The
manifest names the new store generation ``DIR/store/GENERATION/`` (a hash of
the documents' fragments, so the same inputs give the same manifest) before
it exists: the first reader loads it from the fragments, under the lock, in
``DIR/.store.new-PID/`` and renames it into place. The previous loaded
generation is kept until then, as the start of that load.

Recovery: the next build removes what failed builds and loads left (staging
stores, the temporary files of processes that are gone, generations neither
named by the manifest nor the start of the next load), then checks the output
against the manifest, the files by their hashes and a loaded store by its
documents. What does not match is written again from the fragments kept in
``.councilgraph/`` (a damaged store is removed, and loaded again on the next
read): a rebuild converges on the same bytes as a build into an empty folder.

The environment variable ``COUNCILGRAPH_TEST_KILL_AT_COMMIT_STEP=N`` makes a
build (or a store load) SIGKILL itself at step N of its commit (each rename and
fsync is a step), for the tests that kill it at every step (``N:SIGINT`` sends
Ctrl-C's signal instead: the commit finishes first).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from councilgraph.derived import PAGE_FILES
from councilgraph.manifest import MANIFEST, Manifest
from councilgraph.store import STORE_DIR, is_store, loaded_with, staging_path

# The exporters import rdflib: not here, so that `query` and `serve`, which load the store through this
# module, start without it.
if TYPE_CHECKING:
    from councilgraph.exports import StagedFiles

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: builds are not locked there
    fcntl = None  # type: ignore[assignment]

__all__ = ["CACHE_DIR", "FILE_STATS", "LOCK", "SYNCS_FILE_SYSTEM", "OutputBusy", "Steps", "commit", "files_match",
           "fsync_directory", "fsync_tree", "interrupt_deferred", "locked", "remove_leftovers", "start_writing_back",
           "sync_file_system"]

CACHE_DIR = ".councilgraph"  # the fragments kept between builds, and the lock
LOCK = "lock"
FILE_STATS = "files.json"  # in CACHE_DIR: each committed output file's size, times and inode
_KILL_AT_STEP = "COUNCILGRAPH_TEST_KILL_AT_COMMIT_STEP"


class OutputBusy(Exception):
    """Another process is building into the same output folder."""

    def __init__(self, out_dir: Path, pid: int | None) -> None:
        holder = f"process {pid}" if pid else "another process"
        super().__init__(f"{out_dir} is being built by {holder}")
        self.pid = pid


@contextlib.contextmanager
def locked(out_dir: Path, wait: bool = False, waiting: Callable[[int | None], None] = lambda pid: None,
           ) -> Iterator[None]:
    """Hold the build lock of ``out_dir`` while the block runs; raises :class:`OutputBusy` unless ``wait``
    (then ``waiting`` is told the holder's process id first).

    The kernel releases an ``flock`` when its holder dies, however it dies: a killed build never leaves
    the folder locked.
    """
    folder = out_dir / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not wait:
                    raise OutputBusy(out_dir, _holder(fd)) from None
                waiting(_holder(fd))
                fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def _holder(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None  # empty for a moment after the holder took the lock


def remove_leftovers(out_dir: Path, keep: str, keep_base: bool = True) -> None:
    """Remove what failed builds and loads left: staging stores, temporary files, store generations other
    than ``keep`` and (with ``keep_base``) the one the next load of ``keep`` starts from (:func:`load_base`).

    Called with the lock held, so no other build or load is writing. The temporary files in the output folder
    itself are also written by `tables`, `viz` and `docs`, which take no lock: only those of processes
    that are gone are removed.
    """
    for staged in out_dir.glob(f".{STORE_DIR}.*-*"):
        shutil.rmtree(staged, ignore_errors=True)
    generations = out_dir / STORE_DIR
    if generations.is_dir() and not is_store(generations):
        base = load_base(out_dir, keep) if keep_base else None
        for generation in generations.iterdir():
            if generation.name != keep and generation != base:
                shutil.rmtree(generation, ignore_errors=True)
    for temporary in (out_dir / CACHE_DIR).glob("*.tmp"):
        temporary.unlink(missing_ok=True)  # fragments being written by the workers of a dead build
    for temporary in out_dir.glob(".*.tmp"):
        writer = _writer(temporary.name)
        if writer is not None and not _alive(writer):
            _remove_unless_locked(temporary)


def load_base(out_dir: Path, generation: str) -> Path | None:
    """The loaded store generation other than ``generation`` that the load of ``generation`` starts from (a
    copy of it, changed by the documents that differ): the most recently loaded one that says what it holds."""
    folder = out_dir / STORE_DIR
    if not folder.is_dir() or is_store(folder):
        return None
    candidates = [path for path in folder.iterdir() if path.name != generation and loaded_with(path) is not None]
    return max(candidates, key=lambda path: (path.stat().st_mtime_ns, path.name), default=None)


#: The temporary files this tool writes in an output folder: ``.NAME.PID.RANDOM.tmp`` (StagedFiles: mkstemp's
#: eight random characters) and ``.manifest.json.PID.commit.tmp``. Any other name is the user's.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>[0-9]{1,7})\.(?:[a-z0-9_]{8}|commit)\.tmp")


def _writer(name: str) -> int | None:
    """The process id of the build, `viz` or `docs` that writes the temporary file ``name``; None when the
    file is not one of theirs (a user's ``.notes.20261204.v2.tmp`` is never removed)."""
    match = _TEMPORARY.fullmatch(name)
    return int(match["pid"]) if match and match["name"] in _written_names() else None


@functools.cache
def _written_names() -> frozenset[str]:
    """The names of the files this tool writes into an output folder."""
    from councilgraph.exports import EXPORTERS
    from councilgraph.exports.validation import ValidationMarkdown, ValidationTurtle

    exporters = [*EXPORTERS.values(), ValidationTurtle, ValidationMarkdown]
    # ontology.ttl, shapes.ttl and failures.tsv are written by councilgraph.batch, which imports this module.
    return frozenset([*(e.file_name for e in exporters), *PAGE_FILES, MANIFEST, "ontology.ttl", "shapes.ttl",
                      "failures.tsv"])


def _remove_unless_locked(path: Path) -> None:
    """Remove a temporary file unless its writer holds its lock (StagedFiles does until the rename): a writer
    in another PID namespace, or one whose process id was reused, is not taken for gone."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # gone already, or someone else's
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        path.unlink(missing_ok=True)
    except BlockingIOError:
        pass  # being written
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process's own: left by nothing that still runs
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process (or no process id this system has): left alone
    return True


def files_match(out_dir: Path, manifest: Manifest, names: Iterable[str]) -> bool:
    """Whether the output files are ``names`` exactly as the manifest recorded them.

    A file whose size, times and inode are those recorded after the commit (:data:`FILE_STATS`) is the one
    committed; any other (renamed into place by a build killed before its commit, edited, restored from a
    copy with its old modification time) is compared by its hash.
    """
    names = set(names)
    if set(manifest.files) != names:
        return False
    try:
        recorded = json.loads((out_dir / CACHE_DIR / FILE_STATS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = {}  # none (a build killed after its commit, an earlier version): every file is hashed
    try:
        for name in names:
            path = out_dir / name
            if recorded.get(name) != _stat(path) and digest(path) != manifest.files[name]:
                return False
    except OSError:
        return False  # missing: written again
    return True


def _stat(path: Path) -> list[int]:
    """What changes when a file is written, replaced or touched: its size, times (the change time cannot be
    set back) and inode."""
    status = path.stat()
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]


def _record_stats(out_dir: Path, manifest: Manifest) -> None:
    """Record the committed files' :func:`_stat` beside the fragments: not in the manifest, which must be
    the same bytes for the same inputs."""
    from councilgraph.exports import atomic_write

    with contextlib.suppress(OSError):  # the build is committed; without the record, files are hashed
        stats = {name: _stat(out_dir / name) for name in sorted(manifest.files)}
        atomic_write(out_dir / CACHE_DIR / FILE_STATS, json.dumps(stats).encode("utf-8"))


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def commit(out_dir: Path, manifest: Manifest, files: StagedFiles, stale: Iterable[Path], damaged_store: str = "",
           then: Callable[[], None] = lambda: None) -> None:
    """Put a staged build in place; the rename of ``manifest.json`` is the commit point (see the module).

    ``manifest.store`` names the new store's generation, loaded by its first reader; ``damaged_store`` names a
    generation found damaged (checked), removed so that it is neither read nor the start of a load again.
    ``stale`` are files of the previous build this one does not write (formats not asked for again).
    ``then`` is the cleanup after the commit (generations no longer needed, old fragments): Ctrl-C stays
    deferred until it is done, as the build is committed and Ctrl-C would report the previous output as
    unchanged.
    """
    with interrupt_deferred():
        step = Steps()
        _commit(out_dir, manifest, files, stale, damaged_store, step)
        _record_stats(out_dir, manifest)
        step("cleaning up")
        then()


def _commit(out_dir: Path, manifest: Manifest, files: StagedFiles, stale: Iterable[Path], damaged_store: str,
            step: Steps) -> None:
    generations = out_dir / STORE_DIR
    trash = staging_path(generations).with_name(f".{STORE_DIR}.old-{os.getpid()}")
    if is_store(generations):  # a store from before generations: out of the way (its manifest is older too)
        os.replace(generations, trash)
        step("legacy store moved")
    generations.mkdir(exist_ok=True)
    # On disk before anything is renamed into place: the fragments the manifest about to be committed trusts, and
    # the staged output files (both written without an fsync each where the file system can be synced at once).
    sync_file_system(out_dir / CACHE_DIR)
    if os.stat(out_dir).st_dev != os.stat(out_dir / CACHE_DIR).st_dev:  # the cache mounted elsewhere
        sync_file_system(out_dir)
    fsync_directory(out_dir / CACHE_DIR)
    step("fragments synced")
    if damaged_store and (generations / damaged_store).exists():
        os.replace(generations / damaged_store, trash)  # readers refuse it; the next one loads it anew
        step("damaged store moved")
    manifest.files = {target.name: files.recorded_digest(temporary) or digest(temporary)
                      for temporary, target in files.staged()}
    files.commit(renamed=lambda path: step(f"{path.name} renamed"))
    for path in stale:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            step(f"{path.name} removed")
    fsync_directory(out_dir)
    step("folder synced")
    _write_manifest(out_dir, manifest, step)
    shutil.rmtree(trash, ignore_errors=True)


def _write_manifest(out_dir: Path, manifest: Manifest, step: Steps) -> None:
    target = out_dir / MANIFEST
    temporary = target.with_name(f".{MANIFEST}.{os.getpid()}.commit.tmp")
    with temporary.open("wb") as fh:
        fh.write(manifest.dumps())
        fh.flush()
        os.fsync(fh.fileno())
    step("manifest synced")
    os.replace(temporary, target)  # the commit point
    step("manifest renamed")
    fsync_directory(out_dir)
    step("committed")


@contextlib.contextmanager
def interrupt_deferred() -> Iterator[None]:
    """Let a commit (well under a second) finish when Ctrl-C comes during it: an interrupted commit would
    leave a mix of old and new files, and Ctrl-C promises the previous output. The work is then complete,
    and goes on to its end (a build's, or the tables')."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda number, frame: None)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class Steps:
    """Counts the steps of a commit (a build's, or a store load's); signals this process at the one the tests ask for ("N", or "N:SIGINT"; or
    a step by its name, "cleaning up:SIGINT")."""

    def __init__(self) -> None:
        self.done = 0
        step, _, name = os.environ.get(_KILL_AT_STEP, "").partition(":")
        self.kill_at: int | str = int(step) if step.isdigit() else step
        self.signal = signal.Signals[name] if name in signal.Signals.__members__ else signal.SIGKILL

    def __call__(self, what: str) -> None:
        self.done += 1
        if self.kill_at in (self.done, what):
            os.kill(os.getpid(), self.signal)


def fsync_tree(folder: Path) -> None:
    """Sync a staged store's files and folder: once renamed into place, it must survive a power cut."""
    for path in folder.iterdir():
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    fsync_directory(folder)


def _linux_calls() -> tuple[Callable[[int], int], Callable[[int], int]] | None:
    """syncfs(2) and sync_file_range(2) from the C library (Python has neither), each giving 0 or the error
    number; None off Linux."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        syncfs, sync_file_range = libc.syncfs, libc.sync_file_range
    except (OSError, AttributeError):  # pragma: no cover - a C library without them
        return None
    syncfs.argtypes, syncfs.restype = [ctypes.c_int], ctypes.c_int
    sync_file_range.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    sync_file_range.restype = ctypes.c_int
    write = 2  # SYNC_FILE_RANGE_WRITE: start writing the dirty pages, do not wait for them
    return (lambda fd: 0 if syncfs(fd) == 0 else ctypes.get_errno(),
            lambda fd: 0 if sync_file_range(fd, 0, 0, write) == 0 else ctypes.get_errno())


_LINUX_CALLS = _linux_calls()
#: Whether :func:`sync_file_system` syncs; where it does not, each file must be synced by its writer.
SYNCS_FILE_SYSTEM = _LINUX_CALLS is not None


def sync_file_system(folder: Path) -> None:
    """Put on disk every file written (and renamed) so far on the file system holding ``folder``.

    A build writes five fragments per document. An fsync of each made its worker wait 2 to 3 ms per seed-size
    release, and 5 s in all at 1,000 synthetic releases. Their writers only start writing them back
    (:func:`start_writing_back`), and one syncfs waits for them all.
    """
    if _LINUX_CALLS is None:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        error = _LINUX_CALLS[0](fd)
    finally:
        os.close(fd)
    if error:
        raise OSError(error, f"{os.strerror(error)} (putting the files written on disk)", str(folder))


def start_writing_back(fd: int) -> None:
    """Have the kernel start writing a file's pages to disk, without waiting (for :func:`sync_file_system`)."""
    if _LINUX_CALLS is not None:
        _LINUX_CALLS[1](fd)  # advice: a failure shows in the sync that follows


def fsync_directory(folder: Path) -> None:
    """Make the renames in ``folder`` durable (a rename lives in the folder, not in the file)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - systems that cannot open a folder (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - file systems without fsync for folders
        pass
    finally:
        os.close(fd)
