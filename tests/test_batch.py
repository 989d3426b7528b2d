"""Archive builds: parallel, incremental, failure-isolated, interruptible, merged across documents."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from click.testing import CliRunner

from councilgraph import batch
from councilgraph.batch import BuildOptions, build_archive
from councilgraph.cli import main
from councilgraph.exports import DEFAULT_FORMATS
from councilgraph.loading import open_store
from councilgraph.manifest import Manifest

DATA = Path(__file__).resolve().parent / "data"
RELEASES = sorted((DATA / "releases").glob("*.txt"))
OPTIONS = BuildOptions(DEFAULT_FORMATS)
OUTPUTS = ("graph.ttl", "graph.nq", "citations.json", "citations.graphml", "citations.gexf", "validation.ttl",
           "validation.md", "manifest.json", "failures.tsv")


def _files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _copy(paths: list[Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(path, folder / path.name)) for path in paths]


def _symbols(out: Path) -> list[str]:
    store = open_store(out / "store")  # loaded first, when it is not yet
    try:
        rows = store.query("SELECT DISTINCT ?s WHERE { ?r a cg:PressRelease ; cg:symbol ?s } ORDER BY ?s").rows
        return [row[0].value for row in rows]
    finally:
        store.close()


def test_parallel_build_writes_the_same_files_as_a_serial_one(tmp_path: Path) -> None:
    inputs = _copy(RELEASES, tmp_path / "in")
    build_archive(inputs, tmp_path / "serial", OPTIONS, jobs=1)
    summary = build_archive(inputs, tmp_path / "parallel", OPTIONS, jobs=2)
    assert summary.built == len(RELEASES) and not summary.failures
    assert _files(tmp_path / "serial") == _files(tmp_path / "parallel")


def test_two_file_writers_write_the_same_files_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large archive's files are written by this process and a forked child (the workers are done, a core
    waits): the same bytes as one writer."""
    inputs = _copy(RELEASES, tmp_path / "in")
    monkeypatch.setattr(batch, "_TWO_WRITERS", len(inputs) + 1)
    build_archive(inputs, tmp_path / "one", OPTIONS, jobs=2)
    monkeypatch.setattr(batch, "_TWO_WRITERS", 1)
    forks = []
    real_fill = batch._fill
    monkeypatch.setattr(batch, "_fill", lambda jobs, in_two: forks.append(in_two) or real_fill(jobs, in_two))
    build_archive(inputs, tmp_path / "two", OPTIONS, jobs=2)
    assert forks == [True]
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def _resident_bytes(paths: list[Path]) -> list[int]:
    """How much of each file is in the page cache (util-linux's fincore)."""
    shown = subprocess.run(["fincore", "--bytes", "--noheadings", "--raw", "--output", "RES", *map(str, paths)],
                           capture_output=True, text=True, check=True, timeout=60)
    return [int(line) for line in shown.stdout.split()]


def _releases_pages(folder: Path) -> bool:
    """Whether the file system of ``folder`` drops a synced file's pages when told (not tmpfs, say)."""
    if shutil.which("fincore") is None or not hasattr(os, "posix_fadvise"):
        return False
    probe = folder / "probe"
    with probe.open("wb") as fh:
        fh.write(b"x" * (1 << 16))
        fh.flush()
        os.fsync(fh.fileno())
        os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    return _resident_bytes([probe]) == [0]


@pytest.mark.parametrize("writers", [1, 2])
def test_the_fragments_leave_the_page_cache_once_in_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              writers: int) -> None:
    """A fragment read into one output file alone is released once read (its pages are the files' pages),
    whichever process writes the file; the network formats' shared fragment is read three times and stays."""
    if not _releases_pages(tmp_path):
        pytest.skip("needs fincore, and a file system that releases pages")
    monkeypatch.setattr(batch, "_TWO_WRITERS", 1 if writers == 2 else 10**9)
    out = tmp_path / "out"
    build_archive(_copy(RELEASES, tmp_path / "in"), out, OPTIONS, jobs=2)
    fragments = sorted(path for path in (out / ".councilgraph").iterdir() if re.match(r"[0-9a-f]{24}\.", path.name))
    assert len(fragments) == 5 * len(Manifest.load(out / "manifest.json").entries) > 0
    once = [path for path in fragments if not path.name.endswith(".network")]
    assert _resident_bytes(once) == [0] * len(once)
    assert 0 not in _resident_bytes([path for path in fragments if path not in once])


@pytest.mark.parametrize("writers", [1, 2])
def test_the_manifest_records_the_digests_the_writers_took(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           writers: int) -> None:
    """Each file is hashed by the process that wrote it, while it is in memory: the commit reads none again
    (1.3 GB at 1,000 releases), and what it records is each file's SHA-256."""
    import hashlib

    from councilgraph import output

    inputs = _copy(RELEASES, tmp_path / "in")
    monkeypatch.setattr(batch, "_TWO_WRITERS", 1 if writers == 2 else len(inputs) + 1)

    def read_again(path: Path) -> str:
        raise AssertionError(f"the commit read {path.name} again")

    monkeypatch.setattr(output, "digest", read_again)
    build_archive(inputs, tmp_path / "out", OPTIONS, jobs=2)
    recorded = Manifest.load(tmp_path / "out" / "manifest.json").files
    assert "graph.nq" in recorded and "manifest.json" not in recorded
    assert recorded == {name: hashlib.sha256((tmp_path / "out" / name).read_bytes()).hexdigest() for name in recorded}


@pytest.mark.parametrize("unreadable", [1, 2])
def test_a_file_a_writer_cannot_write_is_an_error_of_the_build(tmp_path: Path, unreadable: int) -> None:
    """Either writer may take the file it cannot read (a folder): the build fails with why, nothing staged left."""
    from councilgraph.exports.base import StagedFiles
    from councilgraph.exports.nquads import NQuadsExporter

    small = tmp_path / "small.nquads"
    small.write_bytes(b"<a> <b> <c> <g> .\n")
    (tmp_path / "in-the-way").mkdir()
    parts = [(tmp_path / "in-the-way",)] * unreadable + [(small,)] * (3 - unreadable)
    files = StagedFiles()
    jobs = [batch._FileJob(files.reserve(tmp_path / f"{number}.nq"), False, NQuadsExporter, part)
            for number, part in enumerate(parts)]
    with pytest.raises(OSError, match="Is a directory"):
        batch._fill(jobs, in_two=True)
    files.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in-the-way", "small.nquads"]  # nothing staged is left


class _SlowFile:
    """An exporter that finishes its file only once the files ``others`` are written (or after a minute): a
    stand-in for a file that takes long. It ends the file with what happened."""

    others: list[Path] = []

    def __init__(self, out: BinaryIO) -> None:
        self.out = out

    def write(self, fragment: bytes) -> None:
        self.out.write(fragment)

    def finalize(self) -> None:
        deadline = time.monotonic() + 60
        while not all(path.stat().st_size for path in self.others):
            if time.monotonic() > deadline:
                self.out.write(b"waited in vain")
                return
            time.sleep(0.01)
        self.out.write(b"the others were written meanwhile")


def test_the_two_writers_take_the_files_as_they_come_free(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While one writer is busy with the biggest file, the other writes all the rest: each takes the next file
    when it is free, not a half fixed in advance (which would leave the slow file's writer files to write after
    it, and the other idle)."""
    from councilgraph.exports.base import StagedFiles

    big, small = tmp_path / "big.part", tmp_path / "small.part"
    big.write_bytes(b"x" * 100_000)
    small.write_bytes(b"y")
    files = StagedFiles()
    # the biggest file is the slow one; the others are copied
    jobs = [batch._FileJob(files.reserve(tmp_path / f"{number}.out"), part is small, _SlowFile, (part,))
            for number, part in enumerate([big, small, small, small, small])]
    monkeypatch.setattr(_SlowFile, "others", [job.tmp for job in jobs[1:]])
    try:
        digests = batch._fill(jobs, in_two=True)
        assert jobs[0].tmp.read_bytes().endswith(b"the others were written meanwhile")
        assert len(digests) == 5
    finally:
        files.discard()


def _children() -> list[int]:
    """This process's child processes."""
    found = []
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.append(int(entry.name))
    return found


def _fork_servers() -> list[int]:
    """This process's children that are multiprocessing fork servers."""
    found = []
    for pid in _children():
        with contextlib.suppress(OSError):  # gone meanwhile
            if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
    return found


@contextlib.contextmanager
def _another_thread() -> Iterator[None]:
    """A thread running beside the build, as a store's or a Dask client's would."""
    done = threading.Event()
    thread = threading.Thread(target=done.wait)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_the_fork_server_stops_with_the_pool(tmp_path: Path) -> None:
    """With another thread running, the workers come from a fork server (a fork of this process could copy a lock
    the thread holds). It stops with the pool: its preloaded modules and caches would otherwise sit in memory
    while the files are written."""
    inputs = _copy(RELEASES[:2], tmp_path / "in")
    seen: list[list[int]] = []
    with _another_thread():
        build_archive(inputs, tmp_path / "out", OPTIONS, jobs=2,
                      report=lambda outcome, what: seen.append(_fork_servers()))
    assert seen[0], "the workers come from a fork server"
    assert _fork_servers() == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the workers are forked from the build on Linux")
def test_without_other_threads_the_workers_are_forked_from_the_build(tmp_path: Path) -> None:
    """The build has imported everything already: its workers are its own children, no fork server imports it all
    again first (0.3 s before the first document). The files are the same bytes either way."""
    inputs = _copy(RELEASES, tmp_path / "in")
    assert threading.active_count() == 1
    seen: list[tuple[list[int], list[int]]] = []
    build_archive(inputs, tmp_path / "forked", OPTIONS, jobs=2,
                  report=lambda outcome, what: seen.append((_fork_servers(), _children())))
    assert all(servers == [] for servers, _ in seen), "no fork server"
    assert all(len(children) >= 1 for _, children in seen), "the workers are this process's children"
    with _another_thread():
        build_archive(inputs, tmp_path / "served", OPTIONS, jobs=2)
    assert _files(tmp_path / "forked") == _files(tmp_path / "served")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_the_workers_stop_when_the_build_raises(tmp_path: Path) -> None:
    """An error while the outcomes are consumed stops the pool at once, not when the exception is let go."""
    inputs = _copy(RELEASES[:4], tmp_path / "in")

    def report(outcome: batch.Outcome, what: str) -> None:
        raise RuntimeError("the consumer fails")

    with pytest.raises(RuntimeError, match="the consumer fails") as raised:
        build_archive(inputs, tmp_path / "out", OPTIONS, jobs=2, report=report)
    assert raised.value.__traceback__ is not None  # held: on its own, the generator would still run
    assert _fork_servers() == []


def test_rebuild_builds_only_what_changed_and_matches_a_fresh_build(tmp_path: Path) -> None:
    inputs = _copy(RELEASES, tmp_path / "in")
    out = tmp_path / "out"
    build_archive(inputs, out, OPTIONS)
    before = Manifest.load(out / "manifest.json").entries
    changed = inputs[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("said", "stated", 1), encoding="utf-8")
    summary = build_archive(inputs, out, OPTIONS)
    assert (summary.built, summary.unchanged) == (1, len(inputs) - 1)
    after = Manifest.load(out / "manifest.json").entries
    assert [name for name in after if after[name] != before[name]] == [str(changed.resolve())]
    build_archive(inputs, tmp_path / "fresh", OPTIONS)
    assert _files(out) == _files(tmp_path / "fresh")


def test_unchanged_rebuild_writes_nothing(tmp_path: Path) -> None:
    inputs = _copy(RELEASES[:3], tmp_path / "in")
    out = tmp_path / "out"
    build_archive(inputs, out, OPTIONS)
    stamps = {name: (out / name).stat().st_mtime_ns for name in OUTPUTS}
    summary = build_archive(inputs, out, OPTIONS)
    assert (summary.built, summary.unchanged, summary.written) == (0, 3, [])
    assert stamps == {name: (out / name).stat().st_mtime_ns for name in OUTPUTS}


def test_removed_inputs_stay_until_pruned(tmp_path: Path) -> None:
    inputs = _copy(RELEASES[:3], tmp_path / "in")
    out = tmp_path / "out"
    build_archive(inputs, out, OPTIONS)
    everything = _symbols(out)
    summary = build_archive(inputs[:2], out, OPTIONS)
    assert summary.documents == 3 and _symbols(out) == everything
    summary = build_archive(inputs[:2], out, OPTIONS, prune=True)
    assert (summary.removed, summary.documents) == (1, 2)
    build_archive(inputs[:2], tmp_path / "fresh", OPTIONS)
    assert _files(out) == _files(tmp_path / "fresh")
    assert len(_symbols(out)) == 2
    fragments = {p.name.split(".")[0] for p in (out / ".councilgraph").iterdir() if p.name not in ("lock", "files.json")}
    assert fragments == {e.fragments for e in Manifest.load(out / "manifest.json").entries.values()}


def test_changing_the_formats_rebuilds_everything(tmp_path: Path) -> None:
    inputs = _copy(RELEASES[:2], tmp_path / "in")
    out = tmp_path / "out"
    build_archive(inputs, out, OPTIONS)
    summary = build_archive(inputs, out, BuildOptions(("turtle", "trig")))
    assert summary.built == 2
    assert (out / "graph.trig").exists() and not (out / "graph.nq").exists()


def test_a_new_fragment_layout_rebuilds_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fragments kept by older code are not read by newer code that writes them differently."""
    inputs = _copy(RELEASES[:2], tmp_path / "in")
    out = tmp_path / "out"
    build_archive(inputs, out, OPTIONS)
    assert build_archive(inputs, out, OPTIONS).built == 0
    monkeypatch.setattr(batch, "FRAGMENT_LAYOUT", batch.FRAGMENT_LAYOUT + 1)
    assert build_archive(inputs, out, OPTIONS).built == 2


def test_a_failing_document_is_listed_and_the_others_land(tmp_path: Path, monkeypatch) -> None:
    inputs = _copy(RELEASES[:3], tmp_path / "in")
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    real = batch.build_source

    def buggy(source, kind: str = "auto"):
        if source.name == inputs[1].name:
            raise IndexError("list index out of range")
        return real(source, kind)

    monkeypatch.setattr(batch, "build_source", buggy)
    summary = build_archive([*inputs, empty], tmp_path / "out", OPTIONS)
    assert summary.documents == 2
    reasons = dict(summary.failures)
    assert reasons[str(empty.resolve())] == "file is empty"
    assert reasons[str(inputs[1].resolve())].startswith("internal error, please report it: IndexError")
    rows = (tmp_path / "out" / "failures.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "path\treason" and len(rows) == 3


def test_a_document_that_now_fails_leaves_the_graph(tmp_path: Path) -> None:
    inputs = _copy(RELEASES[:2], tmp_path / "in")
    out = tmp_path / "out"
    build_archive(inputs, out, OPTIONS)
    inputs[0].write_bytes(b"")
    summary = build_archive(inputs, out, OPTIONS)
    assert summary.documents == 1 and len(_symbols(out)) == 1


def test_an_interrupted_build_leaves_the_previous_output(tmp_path: Path) -> None:
    inputs = _copy(RELEASES, tmp_path / "in")
    out = tmp_path / "out"
    build_archive(inputs[:3], out, OPTIONS)
    before = _files(out)

    def interrupt(outcome, what) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_archive(inputs, out, OPTIONS, jobs=2, report=interrupt)
    assert _files(out) == before
    assert len(_symbols(out)) == 3
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".councilgraph"]


def test_ctrl_c_on_the_command_line(tmp_path: Path, seed_path: Path) -> None:
    """A real SIGINT to a real build: exit 130, previous output intact, no staging left."""
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "-q"]).exit_code == 0
    before = _files(out)
    copies = tmp_path / "copies"
    copies.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    for n in range(12):  # distinct symbols, so that each copy is a new document
        (copies / f"c{n}.txt").write_text(text.replace("SC/13081", f"SC/9{n:04d}"), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "councilgraph.cli", "build", str(copies), "--out", str(out),
                                "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stdout is not None
    process.stdout.readline()  # the first document is built: the pool is running
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 130, errors
    assert "interrupted: the previous output" in errors and "Traceback" not in errors
    assert _files(out) == before
    assert _symbols(out) == ["SC/13081"]
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".councilgraph"]


def test_cross_document_merging(tmp_path: Path, seed_path: Path) -> None:
    """One node per resolution, State, organisation and instrument; labels and aliases accumulate."""
    out = tmp_path / "out"
    build_archive([DATA / "archive" / "SC-12647.txt", seed_path], out, OPTIONS)
    store = open_store(out / "store")
    try:
        def values(query: str) -> list[tuple[str, ...]]:
            return [tuple(term.value for term in row) for row in store.query(query).rows]

        resolution = "<https://w3id.org/councilgraph/id/doc/S-RES-2331-2016>"
        assert values(f"SELECT DISTINCT ?m WHERE {{ {resolution} cg:adoptedAt/rdfs:label ?m }}") == [
            ("Security Council meeting 7847",)]
        citing = values(f"SELECT DISTINCT ?doc WHERE {{ ?c cg:cited {resolution} ; prov:wasDerivedFrom/cg:symbol ?doc }}"
                        " ORDER BY ?doc")
        assert citing == [("SC/12647",), ("SC/13081",)]
        assert values("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r cg:symbol 'S/RES/2331 (2016)' }") == [("1",)]
        aliases = values("SELECT DISTINCT ?a WHERE { <https://w3id.org/councilgraph/id/instrument/trafficking-in-persons-protocol> skos:altLabel ?a }")
        assert ("Palermo Protocol",) in aliases and ("Trafficking in Persons Protocol",) in aliases
        egypt = values("SELECT DISTINCT ?doc WHERE { ?s cg:delegation <https://w3id.org/councilgraph/id/state/EGY> ; cg:reportedIn/cg:symbol ?doc }"
                       " ORDER BY ?doc")
        assert egypt == [("SC/12647",), ("SC/13081",)]
    finally:
        store.close()
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert turtle.count("\n<https://w3id.org/councilgraph/id/state/EGY> a ") == 1  # one block per shared node


def test_progress_and_summary_lines(tmp_path: Path) -> None:
    inputs = _copy(RELEASES[:2], tmp_path / "in")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-j", "2"])
    assert result.exit_code == 0, result.output
    assert "2 document(s) built, 0 unchanged, 0 failed; 2 in the graph" in result.output
    result = CliRunner().invoke(main, ["build", *map(str, inputs), "--out", str(tmp_path / "out")])
    assert result.output.strip().endswith("up to date")


def test_a_lost_store_or_output_file_is_rebuilt(tmp_path: Path) -> None:
    inputs = _copy(RELEASES[:3], tmp_path / "in")
    out = tmp_path / "out"
    build_archive(inputs, out, OPTIONS)
    before = _files(out)
    (out / "graph.ttl").unlink()
    summary = build_archive(inputs, out, OPTIONS)
    assert summary.built == 0 and _files(out) == before  # written again from the kept fragments
    shutil.rmtree(out / "store")
    summary = build_archive(inputs, out, OPTIONS)
    assert summary.built == 0 and len(_symbols(out)) == 3  # a new store, loaded from the kept fragments
    assert _files(out) == before


def test_a_worker_that_does_not_answer_costs_its_document_not_the_build(tmp_path: Path, monkeypatch) -> None:
    """A worker killed from outside (out of memory) never answers; the build reports and goes on."""
    inputs = _copy(RELEASES[:4], tmp_path / "in")
    monkeypatch.setattr(batch, "DOCUMENT_TIMEOUT", 0.001)  # no document is built that fast
    summary = build_archive(inputs, tmp_path / "out", OPTIONS, jobs=2)
    assert summary.failures and all(reason == "not built within 0.001 s; its worker was stopped"
                                    for _, reason in summary.failures)
    assert summary.documents == len(inputs) - len(summary.failures)


def test_a_named_pipe_is_refused_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    summary = build_archive([fifo, *_copy(RELEASES[:1], tmp_path / "in")], tmp_path / "out", OPTIONS)
    assert summary.failures == [(str(fifo.resolve()), "not a regular file")]


def test_a_build_does_not_load_the_store_and_its_first_reader_loads_only_what_changed(tmp_path: Path) -> None:
    """The store costs a build nothing: the manifest names the generation its fragments make, and the first
    reader loads it, starting from a copy of the last loaded one: one changed document, one document loaded.
    That store holds the same quads as one loaded from nothing (a build into an empty folder)."""
    inputs = _copy(RELEASES[:3], tmp_path / "in")
    out = tmp_path / "out"
    build_archive(inputs, out, OPTIONS)
    generation = Manifest.load(out / "manifest.json").store
    assert generation and not (out / "store" / generation).exists()
    said: list[str] = []
    open_store(out, said.append).close()
    assert said == [f"loading the store of {out}: 3 of 3 document(s), once after each build ..."]
    inputs[0].write_text(inputs[0].read_text(encoding="utf-8").replace("said", "stated", 1), encoding="utf-8")
    assert build_archive(inputs, out, OPTIONS).built == 1
    said.clear()
    store = open_store(out, said.append)
    assert said == [f"loading the store of {out}: 1 of 3 document(s), once after each build ..."]
    build_archive(inputs, tmp_path / "fresh", OPTIONS)
    fresh = open_store(tmp_path / "fresh")
    try:
        everything = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o"
        assert store.query(everything).rows == fresh.query(everything).rows
    finally:
        store.close()
        fresh.close()
    generations = sorted(p.name for p in (out / "store").iterdir())
    assert generations == [Manifest.load(out / "manifest.json").store]  # the one it started from is gone
    said.clear()
    open_store(out, said.append).close()
    assert said == []  # loaded once


def test_a_copy_under_another_name_does_not_replace_the_owner_in_the_store(tmp_path: Path) -> None:
    """The graph records its source's name: the copy's fragments must not overwrite the owner's."""
    folder = tmp_path / "in"
    (original,) = _copy([DATA / "releases" / "sc-observers.txt"], folder)
    copy = Path(shutil.copy(original, folder / "zz-copy.txt"))
    build_archive([original, copy], tmp_path / "out", OPTIONS)  # serial: the copy is always built second
    store = open_store(tmp_path / "out")
    try:
        names = {row[0].value for row in store.query("SELECT DISTINCT ?n WHERE { ?d cg:sourceName ?n }").rows}
    finally:
        store.close()
    assert names == {"sc-observers.txt"}
    assert b'"zz-copy.txt"' not in (tmp_path / "out" / "graph.nq").read_bytes()
