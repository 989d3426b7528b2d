"""Building an archive: many inputs, in parallel, incrementally, into one store and one set of files.

Each input is built by :func:`build_one`, a pure function of its bytes and
the options (text -> records -> triples -> validation -> export fragments),
run in a process pool that writes each document's fragments into
``DIR/.councilgraph/``. The main process then writes the output files by
appending the fragments in graph order, so no process holds the archive's
triples. The store is not loaded here: the manifest names the generation the
documents' N-Quads fragments make, and the first reader loads it
(:mod:`councilgraph.loading`). The manifest remembers each input's content
hash: a rebuild builds only what changed. One build at a time holds the output
folder's lock; everything is written beside the previous output and committed
at the end by writing the manifest last (:mod:`councilgraph.output`), so a
failure, Ctrl-C or a kill at any moment leaves the previous complete output,
and the next build repairs whatever a killed one left half done.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import BinaryIO, Protocol, TypeVar

from councilgraph import __version__
from councilgraph.exports import EXPORTERS, ExportOptions, StagedFiles, fragment_name
from councilgraph.exports.base import FragmentExporter, copy_into, read_once, staged_writer, write_into
from councilgraph.exports.nquads import NQuadsExporter
from councilgraph.exports.validation import ValidationMarkdown, ValidationTurtle, markdown_fragment, turtle_fragment
from councilgraph.extract.read import decode_source, read_source
from councilgraph.loading import STORE_FRAGMENT, fragment_sound, generation_name
from councilgraph.manifest import MANIFEST, Entry, Manifest, fingerprint
from councilgraph.ontology import ontology_path
from councilgraph.output import (
    CACHE_DIR,
    FILE_STATS,
    LOCK,
    SYNCS_FILE_SYSTEM,
    commit,
    digest,
    files_match,
    locked,
    remove_leftovers,
    start_writing_back,
    sync_file_system,
)
from councilgraph.pipeline import InputError, build_source
from councilgraph.shapes import shapes_text
from councilgraph.store import STORE_DIR, DocumentStore, StoreError
from councilgraph.validate import SEVERITIES, validate_graph

__all__ = ["BuildOptions", "BuildSummary", "ClusterError", "Executor", "Outcome", "Progress", "build_archive", "build_fragments",
           "build_one"]

T = TypeVar("T")
#: The layout of the fragments in CACHE_DIR; raise it when an exporter's fragment changes, so that a rebuild
#: with the new code makes them again instead of reading the old ones (2: shared nodes in Turtle/N-Triples;
#: 3: statement citations as edges from their release in the network).
FRAGMENT_LAYOUT = 3
FAILURES = "failures.tsv"
_WORKER_DOCUMENTS = 25  # documents a worker process builds before it is replaced
#: Seconds one document may take in a worker before the worker is stopped and the document failed. A
#: seed-size release takes a fifth of a second. (A worker the system kills fails its document at once.)
DOCUMENT_TIMEOUT = 300
_STORED = STORE_FRAGMENT  # the fragment the store is loaded from, by its first reader
_VALIDATION = {"validation.ttl": ValidationTurtle, "validation.md": ValidationMarkdown}
#: From how many documents the output files are written by two processes (see _fill): below, forking costs more.
_TWO_WRITERS = 100


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What a build makes: the export formats, the reader to use, the network's edges."""

    formats: tuple[str, ...]
    kind: str = "auto"
    with_statements: bool = False

    def fingerprint(self) -> str:
        return fingerprint(__version__, FRAGMENT_LAYOUT, sorted(self.formats), self.kind, self.with_statements)


class ClusterError(Exception):
    """The cluster cannot be used (no scheduler at the address, no workers, workers without councilgraph);
    the message is one line. Defined here, not in :mod:`councilgraph.cluster`, so that a local build can catch
    it without importing that module."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What building one input gave: a document with its fragments, or the reason it failed."""

    path: str
    sha256: str
    error: str | None = None
    graph: str = ""
    symbol: str = ""
    summary: str = ""
    counts: tuple[int, int, int] = (0, 0, 0)
    fragments: str = ""  # key of the fragment files the worker wrote in the cache
    triples: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, for the benchmark
    sizes: dict[str, int] = field(default_factory=dict)  # bytes of each fragment, recorded in the manifest


def build_one(path: str, options: BuildOptions, cache: Path | None = None) -> Outcome:
    """Build, validate and export one input; its fragments go to ``cache``. A failure is an outcome, not a raise."""
    outcome, fragments = build_fragments(path, options)
    if cache is not None and fragments:
        _write_fragments(cache, outcome.fragments, fragments)
    return outcome


def build_fragments(path: str, options: BuildOptions, data: bytes | None = None) -> tuple[Outcome, dict[str, bytes]]:
    """Build one input, from ``data`` (its bytes, read elsewhere) or from the file: the outcome and the
    fragments by kind (none for a failure). Pure: what a cluster's worker runs (:mod:`councilgraph.cluster`)."""
    started = time.perf_counter()
    try:
        source = read_source(Path(path)) if data is None else decode_source(data, Path(path).name)
        read = time.perf_counter()
        document = build_source(source, options.kind)
    except InputError as err:
        return Outcome(path, "", error=str(err)), {}
    except Exception as err:  # noqa: BLE001 - an extractor bug must not stop the other documents
        return Outcome(path, "", error=f"internal error, please report it: {type(err).__name__}: {err}"), {}
    mapped = time.perf_counter()
    report = validate_graph(document.graph)
    validated = time.perf_counter()
    export = ExportOptions(options.with_statements)
    # The N-Quads fragment is what the store loads, made whether or not graph.nq is asked for.
    fragments: dict[str, bytes] = {_STORED: NQuadsExporter.fragment(document.graph)}
    for name in options.formats:
        if fragment_name(name) not in fragments:
            fragments[fragment_name(name)] = EXPORTERS[name].fragment(document.graph, export)
    fragments["validation.ttl"] = turtle_fragment(report)
    fragments["validation.md"] = markdown_fragment(report, document.graph, document.source.text)
    key = fragment_key(document.source.sha256, document.source.name, options)
    counts = report.counts()
    severities = (counts[SEVERITIES[0]], counts[SEVERITIES[1]], counts[SEVERITIES[2]])
    timings = {"read": read - started, "extract": document.timings[0], "map": document.timings[1],
               "validate": validated - mapped, "serialise": time.perf_counter() - validated}
    return Outcome(path, document.source.sha256, None, str(document.graph.name), document.symbol,
                   document.summary(), severities, key, len(document.graph.terms),
                   timings, sizes={name: len(fragment) for name, fragment in fragments.items()}), fragments


def fragment_key(sha256: str, name: str, options: BuildOptions) -> str:
    """The name of a document's fragment files: its content, its file name (the graph records it as the
    source) and everything else that shapes them. Two copies of a text under two names do not share files."""
    return hashlib.sha256(f"{sha256} {name} {options.fingerprint()}".encode()).hexdigest()[:24]


# What a fragment's or an output file's writer does once the file is written. Where the file system can be synced
# at once, it only starts the write-back: the build syncs the file system before it reads the fragments back and
# before the commit renames anything into place. An fsync of each made a worker wait 2-3 ms per seed-size release,
# and the file writers 0.1-0.2 s for graph.ttl and graph.nq of 200 releases. Elsewhere each file is fsynced.
_SETTLE = start_writing_back if SYNCS_FILE_SYSTEM else os.fsync


def _write_fragments(cache: Path, key: str, fragments: dict[str, bytes]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    for name, data in fragments.items():
        target = cache / f"{key}.{name}"
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as fh:
            fh.write(data)
            fh.flush()
            _SETTLE(fh.fileno())  # on disk before the manifest trusts it (see _SETTLE)
        os.replace(temporary, target)  # a reader never sees half a fragment


class Progress(Protocol):
    """Shows a phase of the build ("Building") while passing its ``total`` items through."""

    def __call__(self, items: Iterator[T], total: int, label: str) -> Iterator[T]: ...


class Executor(Protocol):
    """Where the documents are built: the local pool (:func:`_run`) or a cluster (:mod:`councilgraph.cluster`).
    Yields the outcomes in the order of ``todo``, each document's fragments written to ``cache`` first."""

    def __call__(self, todo: list[str], options: BuildOptions, cache: Path) -> Iterator[Outcome]: ...


def _no_progress(items: Iterator[T], total: int, label: str) -> Iterator[T]:
    return items


@dataclass(slots=True)
class BuildSummary:
    """What a build did, for the closing lines and the exit status."""

    built: int = 0
    unchanged: int = 0
    removed: int = 0
    documents: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    violating: int = 0
    triples: int = 0  # in the documents built this time
    timings: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))  # seconds per stage


def build_archive(paths: list[Path], out_dir: Path, options: BuildOptions, *, jobs: int = 1, prune: bool = False,
                  report: Callable[[Outcome, str], None] = lambda outcome, what: None,
                  progress: Progress | None = None, wait: bool = False, executor: Executor | None = None,
                  ) -> BuildSummary:
    """Build ``paths`` into ``out_dir``; raises OSError when the output cannot be written, and
    :class:`~councilgraph.output.OutputBusy` when another build holds the folder (unless ``wait``).
    The documents are built by ``executor`` if given, else by ``jobs`` local processes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with locked(out_dir, wait):
        run = executor or partial(_run, jobs=jobs)
        return _build_locked(paths, out_dir, options, run, prune, report, progress or _no_progress,
                             two_writers=executor is None)


def _build_locked(paths: list[Path], out_dir: Path, options: BuildOptions, run: Executor, prune: bool,
                  report: Callable[[Outcome, str], None], progress: Progress, two_writers: bool) -> BuildSummary:
    old = Manifest.load(out_dir / MANIFEST)
    remove_leftovers(out_dir, keep=old.store)
    fresh = old.fingerprint != options.fingerprint()  # fragments made another way: everything again
    manifest = Manifest(options.fingerprint(), {} if fresh else dict(old.entries))
    # A loaded store that is damaged or not the manifest's is removed by the commit: readers refuse it, and
    # the next one loads it again from the kept fragments. One not loaded yet is nothing to check.
    damaged = not fresh and not _store_sound(out_dir, old)
    cache = out_dir / CACHE_DIR
    summary = BuildSummary()

    inputs = {os.path.realpath(p): p for p in paths}  # not Path.resolve(): it raises on a symlink loop
    kinds = _fragment_kinds(options)
    todo = [name for name in inputs if not _unchanged(name, manifest, cache, kinds)]
    summary.unchanged = len(inputs) - len(todo)
    # Documents of inputs not given this time are kept, from their fragments: damaged ones are built again.
    todo += [name for name, entry in manifest.entries.items()
             if name not in inputs and not _fragments_sound(entry, cache, kinds)]
    gone = sorted(set(manifest.entries) - set(inputs)) if prune else []
    if not todo and not gone and not damaged and files_match(out_dir, old, _file_names(options)):
        summary.documents = len(manifest.entries)
        return summary  # nothing changed: the output is up to date

    files = StagedFiles()
    try:
        for name in gone:
            manifest.drop(name)
            summary.removed += 1
        # closing: when this loop raises, the workers and the fork server stop now, not when the generator is
        # collected (the exception's traceback holds it while the error is reported)
        with contextlib.closing(run(todo, options, cache)) as outcomes:
            for outcome in progress(outcomes, len(todo), "Building"):
                kept = _keep(outcome, manifest, summary)
                report(kept, "failed" if kept.error else "same" if kept is not outcome else "built")
        if not manifest.entries:
            return summary  # nothing to write: every input failed
        started = time.perf_counter()
        # A cluster's client has threads of its own, which a fork would copy mid-work: its files are written here.
        _write_outputs(out_dir, files, manifest, options, cache, summary, two_writers=two_writers)
        summary.timings["write files"] += time.perf_counter() - started
        manifest.store = generation_name(manifest)
        commit(out_dir, manifest, files=files, stale=_other_formats(out_dir, options.formats),
               damaged_store=old.store if damaged else "", then=partial(_tidy, out_dir, cache, manifest))
        old = manifest  # committed, and what it left over removed
    finally:  # also on Ctrl-C: the previous output stays as it was
        files.discard()
        if old is not manifest:  # not committed (or its cleanup failed): keep the generation the manifest names
            remove_leftovers(out_dir, keep=Manifest.load(out_dir / MANIFEST).store)
    summary.documents = len(manifest.entries)
    summary.violating = sum(1 for e in manifest.entries.values() if e.counts[0])
    return summary


def _file_names(options: BuildOptions) -> list[str]:
    """The files a build with ``options`` writes beside the manifest and the store."""
    return [*(EXPORTERS[f].file_name for f in options.formats), *_VALIDATION, "ontology.ttl", "shapes.ttl", FAILURES]


def _store_sound(out_dir: Path, old: Manifest) -> bool:
    """Whether the store generation the previous build names is sound: not loaded yet (its first reader loads
    it), or there, readable and holding the manifest's documents (checked by opening it, as readers do)."""
    if not old.store or not (out_dir / STORE_DIR / old.store).exists():
        return True
    try:
        DocumentStore.open_read_only(out_dir).close()
    except StoreError:
        return False
    return True


def _unchanged(name: str, manifest: Manifest, cache: Path, kinds: list[str]) -> bool:
    entry = manifest.entries.get(name)
    if entry is None or not _fragments_sound(entry, cache, kinds):
        return False
    try:
        return hashlib.sha256(Path(name).read_bytes()).hexdigest() == entry.sha256
    except OSError:
        return False  # let the build report why it cannot be read


def _fragment_kinds(options: BuildOptions) -> list[str]:
    """The fragments a build with ``options`` reads for every document: the store's, each format's (the
    network formats share one), the validation report's. The one list: a document is unchanged only when all
    of them are sound, and the files are written from these alone."""
    return list(dict.fromkeys([*(fragment_name(name) for name in options.formats), *_VALIDATION, _STORED]))


def _fragments_sound(entry: Entry, cache: Path, kinds: list[str]) -> bool:
    """Whether the document's fragments are there, each the size the manifest recorded."""
    return all(fragment_sound(entry, cache, kind) for kind in kinds)


def _run(todo: list[str], options: BuildOptions, cache: Path, jobs: int) -> Iterator[Outcome]:
    """Outcomes in input order, built by ``jobs`` processes, a few documents ahead of the consumer at most."""
    work = partial(build_one, options=options, cache=cache)
    if jobs <= 1 or len(todo) < 2:
        yield from map(work, todo)
        return
    from councilgraph.pool import ordered_map  # here: a build of one document starts no worker

    context = _worker_context()
    try:
        # A worker is replaced after _WORKER_DOCUMENTS documents: Python's allocator and the libraries' caches
        # keep what a long-lived process once needed, and an archive is thousands of documents.
        yield from ordered_map(work, todo, context=context, processes=min(jobs, len(todo)),
                               per_worker=_WORKER_DOCUMENTS, timeout=DOCUMENT_TIMEOUT, ahead=2 * jobs,
                               lost=lambda path, why: Outcome(path, "", error=why))
    finally:
        _stop_fork_server(context)


def _worker_context() -> multiprocessing.context.BaseContext:
    """How the workers start. Forked from this process where it runs no other thread: it has imported the build
    already, and fills the caches once here (:mod:`councilgraph.worker`), which the workers then share; a fork
    server would first import it all again (0.3 s before the first document of every build). Where other threads
    run (a store's, a Dask client's, a benchmark's memory sampler), a fork could copy a lock one of them holds,
    and a worker would wait on it for ever: the fork server, which starts clean. (Linux: elsewhere forking a
    process that has loaded the system's libraries is not safe, and Python does not by default.)"""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        import councilgraph.worker  # noqa: F401 - its import fills the caches (and keeps the collector off them)

        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver" if hasattr(os, "fork") else "spawn")
    if hasattr(context, "set_forkserver_preload"):
        # Import once and fill the caches once (councilgraph.worker), not in every worker.
        context.set_forkserver_preload(["councilgraph.batch", "councilgraph.worker"])
    return context


def _stop_fork_server(context: multiprocessing.context.BaseContext) -> None:
    """Stop the fork server once the pool is done: it holds the preloaded modules and warm caches, 47 MB
    (measured at 2,000 documents) of nothing while the files are written. The next
    pool starts another. CPython has no public call for this; its own tests use ``_stop``."""
    if context.get_start_method() != "forkserver":
        return
    stop = getattr(getattr(multiprocessing.forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


def _keep(outcome: Outcome, manifest: Manifest, summary: BuildSummary) -> Outcome:
    """Record a built document (its fragments are in the cache), or why it failed.

    Returns the outcome as kept: the same object, a failure, or (for a copy of
    an input already built under another name) the owner's outcome-less twin.
    """
    previous = manifest.entries.get(outcome.path)
    if outcome.error is None:
        owner = manifest.owner(outcome.graph)
        if owner is not None and owner != outcome.path:
            if manifest.entries[owner].sha256 == outcome.sha256:  # the same text under another name: built once
                return Outcome(outcome.path, outcome.sha256, summary=f"same content as {Path(owner).name}")
            outcome = Outcome(outcome.path, outcome.sha256, f"document {outcome.symbol} was already built from "
                              f"{Path(owner).name} with different text")
    if outcome.error is not None:
        summary.failures.append((outcome.path, outcome.error))
        if previous is not None:  # the output describes the inputs as they are now
            manifest.drop(outcome.path)
        return outcome
    for stage, seconds in outcome.timings.items():
        summary.timings[stage] += seconds
    summary.triples += outcome.triples
    manifest.put(outcome.path, Entry(outcome.sha256, outcome.graph, outcome.symbol, outcome.summary, outcome.counts,
                                     outcome.fragments, outcome.sizes))
    summary.built += 1
    return outcome


def _write_outputs(out_dir: Path, files: StagedFiles, manifest: Manifest, options: BuildOptions, cache: Path,
                   summary: BuildSummary, two_writers: bool = True) -> None:
    """Every output file, from the fragments in graph order, staged for renaming."""
    order = sorted(manifest.entries.values(), key=lambda e: e.graph)
    export = ExportOptions(options.with_statements)
    counts = [Counter(dict(zip(SEVERITIES, e.counts, strict=True))) for e in order]
    writers: list[tuple[str, type[FragmentExporter], Callable[[BinaryIO], FragmentExporter]]] = [
        (fragment_name(name), EXPORTERS[name], partial(EXPORTERS[name], options=export)) for name in options.formats]
    writers += [("validation.ttl", ValidationTurtle, ValidationTurtle),
                ("validation.md", ValidationMarkdown, partial(ValidationMarkdown, counts=counts))]
    kinds = _fragment_kinds(options)
    readers = Counter(name for name, _, _ in writers)  # the network formats share one fragment
    jobs: list[_FileJob] = []
    for name, exporter, make in writers:
        if name not in kinds:  # a fragment _unchanged did not check would fail the build at every run
            raise AssertionError(f"fragment {name} is missing from _fragment_kinds")
        path = out_dir / exporter.file_name
        jobs.append(_FileJob(files.reserve(path), exporter.verbatim, make,
                             tuple(cache / f"{e.fragments}.{name}" for e in order), release=readers[name] == 1))
        summary.written.append(path)
    # The fragments on disk first (the commit would wait for them anyway): only then can read_once release their
    # pages, for the output files to be written into.
    sync_file_system(cache)
    for tmp, sha256 in _fill(jobs, in_two=two_writers and len(order) >= _TWO_WRITERS).items():
        files.record_digest(tmp, sha256)
    files.write(out_dir / "ontology.ttl", ontology_path().read_bytes())
    files.write(out_dir / "shapes.ttl", shapes_text().encode("utf-8"))
    files.write(out_dir / FAILURES, _failures_tsv(summary.failures))


@dataclass(frozen=True, slots=True)
class _FileJob:
    """One output file to write into the temporary file staged for it, from the fragment files in order."""

    tmp: Path
    verbatim: bool
    make: Callable[[BinaryIO], FragmentExporter]
    parts: tuple[Path, ...]
    release: bool = False  # the parts are read by this file alone: their pages are released once read (see read_once)

    def run(self) -> str:
        """Write the file; its SHA-256, read back while its pages are still in memory."""
        with staged_writer(self.tmp, settle=_SETTLE) as out:
            if self.verbatim:
                copy_into(out, self.parts, release=self.release)
            else:
                write_into(out, self.make, map(read_once if self.release else Path.read_bytes, self.parts))
        return digest(self.tmp)


def _fill(jobs: list[_FileJob], in_two: bool) -> dict[Path, str]:
    """Write the files; their SHA-256 by temporary file. The workers are done and one core would wait: for a
    large archive a forked child writes (and hashes) files too. Each writer takes the next file, the biggest
    first, whenever it is free (the files' costs per byte differ tenfold: a kernel copy for N-Quads, Python for
    the networks). The child only writes files: what other threads of this process hold (a library caller's, a
    store's) it never touches."""
    if not in_two or len(jobs) < 2:
        return {job.tmp: job.run() for job in jobs}
    by_size = sorted(jobs, key=lambda job: -sum(part.stat().st_size for part in job.parts))
    # The files' numbers in a pipe: a writer reads one byte to take the next file, and the end of the pipe when
    # none is left. Nothing is locked, so a writer that dies holds nothing the other waits for.
    numbers, write_end = os.pipe()
    os.write(write_end, bytes(range(len(by_size))))  # a build writes fewer than 256 files
    os.close(write_end)
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_fill_child, args=(by_size, numbers, send), daemon=True)
    try:
        child.start()
    except BaseException:
        os.close(numbers)
        raise
    send.close()
    reply, digests = None, {}
    try:
        digests = {job.tmp: job.run() for job in _taken(by_size, numbers)}
        reply = receive.recv()  # the digests of its files, or what went wrong
    except EOFError:  # it died before it could say
        pass
    except BaseException:  # Ctrl-C, or a file failed here: what the child writes is discarded with the rest
        child.terminate()
        raise
    finally:
        child.join()
        receive.close()
        os.close(numbers)
    if isinstance(reply, dict):
        return {**digests, **reply}
    if reply is None:
        reply = f"the second process writing the output files stopped (status {child.exitcode})"
    raise OSError(reply)


def _taken(jobs: list[_FileJob], numbers: int) -> Iterator[_FileJob]:
    """The files this writer takes, one at a time, from the numbers left in the pipe ``numbers``."""
    while number := os.read(numbers, 1):
        yield jobs[number[0]]


def _fill_child(jobs: list[_FileJob], numbers: int, send: Connection) -> None:
    """In the forked child: write the files it takes, and say how it went (their digests: all written; else why
    not)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build decides on Ctrl-C, and discards what it staged
    try:
        send.send({job.tmp: job.run() for job in _taken(jobs, numbers)})
    except OSError as err:
        send.send(f"{err.strerror or err}: {getattr(err, 'filename', '') or ''}".rstrip(": "))
    finally:
        send.close()


def _other_formats(out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Files of formats not built this time: they describe an older build."""
    return [out_dir / exporter.file_name for name, exporter in EXPORTERS.items() if name not in formats]


def _failures_tsv(failures: Iterable[tuple[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(["path", "reason"])
    writer.writerows(sorted(failures))
    return out.getvalue().encode("utf-8")


def _tidy(out_dir: Path, cache: Path, manifest: Manifest) -> None:
    """After the commit: store generations no longer needed, what failed builds left, fragments no entry names."""
    remove_leftovers(out_dir, keep=manifest.store)
    _collect_garbage(cache, manifest)


def _collect_garbage(cache: Path, manifest: Manifest) -> None:
    """Fragments no entry points to any more (changed or removed inputs, an interrupted build)."""
    keep = {entry.fragments for entry in manifest.entries.values()} | {LOCK, FILE_STATS}
    if cache.is_dir():
        for fragment in cache.iterdir():
            if fragment.name not in keep and fragment.name.split(".", 1)[0] not in keep:
                fragment.unlink(missing_ok=True)
