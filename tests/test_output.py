"""The output folder as a database: one build at a time, a build or a store load killed anywhere, damaged
stores, leftovers, workers killed by the system. Real processes, real signals, the real store."""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from councilgraph.batch import BuildOptions, build_archive, fragment_key
from councilgraph.exports import StagedFiles
from councilgraph.extract.read import read_source
from councilgraph.loading import open_store
from councilgraph.manifest import MANIFEST, Manifest
from councilgraph.output import CACHE_DIR, SYNCS_FILE_SYSTEM, load_base
from councilgraph.serve import free_port
from councilgraph.store import DocumentStore

DATA = Path(__file__).resolve().parent / "data"
OLD = [DATA / "golden" / "mini-release.txt"]
NEW = [*OLD, DATA / "releases" / "sc-observers.txt"]
#: One graph format: the kill tests run two builds per kill point, and each file is one more point.
FORMAT = "turtle"


def _cli(*args: object, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "councilgraph.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def _build(inputs: list[Path], out: Path, *options: str, env: dict[str, str] | None = None,
           ) -> subprocess.CompletedProcess[str]:
    return _cli("build", *inputs, "--out", out, "-q", "-j", "1", "--format", FORMAT, *options, env=env)


def _build_here(inputs: list[Path], out: Path) -> None:
    """The same build as :func:`_build`, in this process (a second faster than starting the command)."""
    summary = build_archive(inputs, out, BuildOptions((FORMAT,)))
    assert not summary.failures


def _files(out: Path) -> dict[str, bytes]:
    """Every file the user sees in the output folder (the store compared by its documents)."""
    return {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}


def _documents(out: Path) -> list[str]:
    store = open_store(out)  # through the manifest, checked against it; loaded first if it is not yet
    try:
        return store.documents()
    finally:
        store.close()


def _leftovers(out: Path) -> list[str]:
    """What a finished build or load must not leave: staging, temporary files, store generations that neither
    the manifest names nor the next load starts from (one at most, the last loaded)."""
    left = [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".councilgraph"]
    left += [p.name for p in (out / ".councilgraph").glob("*.tmp")]
    generations = sorted(p.name for p in (out / "store").iterdir()) if (out / "store").is_dir() else []
    current = Manifest.load(out / MANIFEST).store
    base = load_base(out, current)
    return left + [g for g in generations if g != current and (base is None or g != base.name)]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The old output (one document) and a clean build of the new inputs (two), each into an empty folder, each
    with its store loaded (as after a first query): the builds below start from a loaded store."""
    root = tmp_path_factory.mktemp("builds")
    made = {"old": root / "old", "clean": root / "clean"}
    for name, inputs in (("old", OLD), ("clean", NEW)):
        result = _build(inputs, made[name])
        assert result.returncode == 0, result.stderr
        assert not _generation(made[name]).exists()  # a build does not load its store: its first reader does
        _documents(made[name])
        assert _generation(made[name]).is_dir()
    return made


def _killed_then_rebuilt(out: Path, builds: dict[str, Path], killed: subprocess.CompletedProcess[str],
                         what: str) -> None:
    """After a build of NEW into a copy of the old output was killed: the output is the old or the new
    build, whole; the next build converges on the clean build's bytes; nothing is left over."""
    assert killed.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL), (what, killed.stderr)
    committed = (out / MANIFEST).read_bytes()
    assert committed in ((builds["old"] / MANIFEST).read_bytes(), (builds["clean"] / MANIFEST).read_bytes()), what
    assert len(_documents(out)) == len(Manifest.load(out / MANIFEST).entries), what  # the store it names
    _build_here(NEW, out)
    assert _files(out) == _files(builds["clean"]), what
    assert _documents(out) == _documents(builds["clean"]), what  # loaded from the previous store's copy
    assert _leftovers(out) == [], what


def test_a_build_killed_at_any_step_of_its_commit_leaves_a_whole_output_and_the_next_build_repairs_it(
        tmp_path: Path, builds: dict[str, Path]) -> None:
    """SIGKILL at each rename and fsync of the commit (the build's own hook), one build per step."""
    for step in range(1, 100):
        out = tmp_path / f"step-{step}"
        shutil.copytree(builds["old"], out)
        killed = _build(NEW, out, env={"COUNCILGRAPH_TEST_KILL_AT_COMMIT_STEP": str(step)})
        if killed.returncode == 0:  # past the last step: the build ran to its end
            assert _files(out) == _files(builds["clean"]) and _leftovers(out) == []
            break
        _killed_then_rebuilt(out, builds, killed, f"killed at commit step {step}")
    assert step > 11  # the fragments' folder, six files, the folder, the manifest: each was a kill point


def _strace_can_kill() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=rename", "true"],
                           capture_output=True, timeout=30)
    return probe.returncode == 0  # ptrace may be forbidden in a container


@pytest.mark.skipif(not _strace_can_kill(), reason="needs strace and ptrace")
def test_a_build_killed_at_any_rename_leaves_a_whole_output_and_the_next_build_repairs_it(
        tmp_path: Path, builds: dict[str, Path]) -> None:
    """The kernel's view: strace SIGKILLs the build at its Nth rename (the fragments', the commit's), for every
    N until the build runs to its end."""
    for n in range(1, 200):
        out = tmp_path / f"rename-{n}"
        shutil.copytree(builds["old"], out)
        killed = subprocess.run(
            ["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=rename,renameat,renameat2",
             "-e", f"inject=rename,renameat,renameat2:signal=SIGKILL:when={n}",
             sys.executable, "-m", "councilgraph.cli", "build", *map(str, NEW), "--out", str(out), "-q", "-j", "1",
             "--format", FORMAT],
            capture_output=True, text=True, timeout=120)
        if killed.returncode == 0:
            assert _files(out) == _files(builds["clean"]) and _leftovers(out) == []
            break
        _killed_then_rebuilt(out, builds, killed, f"killed at rename {n}")
    assert n > 10  # the new fragments', the files', the manifest's: each was a kill point


def _traced_build(out: Path, calls: str, *flags: str) -> list[str]:
    """The system calls ``calls`` (strace's -e trace=) of a build of NEW into ``out`` with two workers, one per
    line, each starting with its process id."""
    log = out.with_name(f"{out.name}.calls")
    traced = subprocess.run(
        ["strace", "-f", "-qq", *flags, "-o", str(log), "-e", f"trace={calls}",
         sys.executable, "-m", "councilgraph.cli", "build", *map(str, NEW), "--out", str(out), "-q", "-j", "2"],
        capture_output=True, text=True, timeout=120)
    assert traced.returncode == 0, traced.stderr
    return log.read_text().splitlines()


@pytest.mark.skipif(not _strace_can_kill() or not SYNCS_FILE_SYSTEM, reason="needs strace, ptrace and syncfs")
def test_the_fragments_are_on_disk_before_the_manifest_names_them(tmp_path: Path) -> None:
    """The kernel's view of a build with two workers: every fragment renamed into the cache comes before a
    syncfs of the file system, and the syncfs before the manifest's rename (the commit point). The workers that
    write the fragments do not wait for an fsync of each."""
    out = tmp_path / "out"
    calls = _traced_build(out, "rename,renameat,renameat2,fsync,fdatasync,syncfs")
    cache = f"{out}/{CACHE_DIR}/"
    # A fragment's rename names its target "<cache>/<key>.<kind>" (its temporary file starts with a dot).
    fragments = [i for i, call in enumerate(calls)
                 if "rename" in call and re.search(rf'"{re.escape(cache)}[0-9a-f]{{24}}\.', call)]
    synced = [i for i, call in enumerate(calls) if "syncfs" in call and call.endswith("= 0")]
    committed = [i for i, call in enumerate(calls) if "rename" in call and f'"{out}/{MANIFEST}"' in call]
    assert len(fragments) >= 2 * 5 and synced and len(committed) == 1
    assert any(fragments[-1] < i < committed[0] for i in synced)
    workers = {calls[i].split()[0] for i in fragments}  # strace -f starts each line with the process id
    assert not [call for call in calls if call.split()[0] in workers and re.search(r"\bf(data)?sync\(", call)]


@pytest.mark.skipif(not _strace_can_kill() or not SYNCS_FILE_SYSTEM, reason="needs strace, ptrace and syncfs")
def test_the_output_files_are_on_disk_before_they_are_renamed_into_place(tmp_path: Path) -> None:
    """The build's writers do not wait for an fsync of each output file: a syncfs of the file system comes after
    the last of them is written (its writer closes it) and before the first is renamed into place."""
    out = tmp_path / "out"
    calls = _traced_build(out, "close,rename,renameat,renameat2,fsync,fdatasync,syncfs", "-y")
    formats = ("graph.ttl", "graph.nq", "citations.graphml", "citations.gexf", "citations.json", "validation.ttl",
               "validation.md")

    def staged(call: str) -> bool:  # -y prints a descriptor with its path: the staged ".graph.ttl.<pid>.<x>.tmp"
        return any(f"/.{name}." in call for name in formats)

    assert not [call for call in calls if re.search(r"\bf(data)?sync\(", call) and staged(call)]
    placed = [i for i, call in enumerate(calls) if "rename" in call and any(f'"{out}/{name}"' in call for name in formats)]
    written = [i for i, call in enumerate(calls[:placed[0]]) if call.split()[1].startswith("close(") and staged(call)]
    synced = [i for i, call in enumerate(calls) if "syncfs" in call and call.endswith("= 0")]
    assert len(placed) == len(formats) and len(written) >= len(formats)
    assert any(written[-1] < i < placed[0] for i in synced)


def test_a_second_build_into_the_same_folder_stops_at_once_or_waits(tmp_path: Path) -> None:
    """Another process holds the folder's lock (through the project's own function) while builds start."""
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from councilgraph.output import locked\n"
         f"with locked(Path({str(out)!r})):\n    print('locked', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        refused = _build(OLD, out)
        assert refused.returncode == 1
        assert refused.stderr.splitlines() == [f"error: {out} is being built by process {holder.pid} "
                                               f"(--wait waits for it)"]
        assert not (out / MANIFEST).exists()
        waiting = subprocess.Popen([sys.executable, "-m", "councilgraph.cli", "build", *map(str, OLD), "--out",
                                    str(out), "-q", "-j", "1", "--wait"], stderr=subprocess.PIPE, text=True)
        try:
            _wait_until_blocked_on_lock(waiting.pid)
            assert not (out / MANIFEST).exists()  # it waits: nothing written while the lock is held
        finally:
            assert holder.stdin is not None
            holder.stdin.close()  # the holder lets go
            holder.wait(timeout=60)
        _, errors = waiting.communicate(timeout=120)
        assert waiting.returncode == 0, errors
    finally:
        holder.kill()
        holder.wait(timeout=60)
    assert len(_documents(out)) == 1 and _leftovers(out) == []


def _wait_until_blocked_on_lock(pid: int) -> None:
    """Until /proc/locks lists ``pid`` as waiting for an flock (a line "N: -> FLOCK ... PID ...")."""
    for _ in range(1200):  # at most a minute
        for line in Path("/proc/locks").read_text().splitlines():
            fields = line.split()
            if len(fields) > 5 and fields[1] == "->" and fields[2] == "FLOCK" and fields[5] == str(pid):
                return
        time.sleep(0.05)
    pytest.fail(f"process {pid} never waited for the lock")


@pytest.fixture
def built(tmp_path: Path, builds: dict[str, Path]) -> Path:
    out = tmp_path / "out"
    shutil.copytree(builds["clean"], out)
    return out


def _generation(out: Path) -> Path:
    return out / "store" / Manifest.load(out / MANIFEST).store


def _one_line_error(result: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert result.returncode == 1, result.stdout
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    for phrase in phrases:
        assert phrase in result.stderr


def _rebuilds(out: Path, builds: dict[str, Path], built: int = 0) -> None:
    """The next build sees the damage and writes what is damaged again (the store from the kept fragments:
    no document is built again), and queries work again."""
    result = _cli("build", *NEW, "--out", out, "-j", "1", "--format", FORMAT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith(f"{built} document(s) built, {2 - built} unchanged, 0 failed; 2 in the graph; "
                                    "wrote "), result.stdout
    result = _cli("build", *NEW, "--out", out, "-j", "1", "--format", FORMAT)  # now up to date, and says so
    assert result.stdout.strip().endswith("is up to date"), result.stdout
    assert _files(out) == _files(builds["clean"]) and _documents(out) == _documents(builds["clean"])
    answer = _cli("query", "--store", out / "store", "SELECT (COUNT(*) AS ?n) WHERE { ?s a cg:PressRelease }",
                  "--format", "csv")
    assert answer.returncode == 0 and answer.stdout.split() == ["n", "2"], answer.stderr


def test_a_store_with_a_file_deleted_is_an_error_for_readers_and_rebuilt_by_build(
        built: Path, builds: dict[str, Path]) -> None:
    for table in sorted(_generation(built).glob("*.sst")):
        table.unlink()
    _one_line_error(_cli("query", "--store", built / "store", "ASK { ?s ?p ?o }"), "cannot open the store",
                    "councilgraph build")
    _one_line_error(_cli("tables", built, "--out", built.parent / "tables"), "cannot open the store")
    _rebuilds(built, builds)


def test_a_stale_store_generation_is_an_error_for_readers_and_rebuilt_by_build(
        built: Path, builds: dict[str, Path]) -> None:
    """The store folder the manifest names holds an older build's store (one document instead of two)."""
    generation = _generation(built)
    shutil.rmtree(generation)
    shutil.copytree(_generation(builds["old"]), generation)
    _one_line_error(_cli("query", "--store", built, "ASK { ?s ?p ?o }"), "does not hold the documents")
    _one_line_error(_cli("tables", built, "--out", built.parent / "tables"), "does not hold the documents")
    _rebuilds(built, builds)


def test_a_missing_store_generation_is_loaded_by_the_first_reader(built: Path, builds: dict[str, Path]) -> None:
    """What a build leaves (it does not load the store), or a store deleted: the next query loads it from the
    kept fragments, and the next build has nothing to do."""
    shutil.rmtree(built / "store")
    answer = _cli("query", "--store", built / "store", "SELECT (COUNT(*) AS ?n) WHERE { ?s a cg:PressRelease }",
                  "--format", "csv")
    assert answer.returncode == 0 and answer.stdout.split() == ["n", "2"] and answer.stderr == "", answer.stderr
    assert _generation(built).is_dir() and _leftovers(built) == []
    result = _cli("build", *NEW, "--out", built, "-j", "1", "--format", FORMAT)
    assert result.stdout.strip().endswith("is up to date"), result.stdout
    assert _files(built) == _files(builds["clean"]) and _documents(built) == _documents(builds["clean"])


def test_an_output_file_changed_after_the_build_is_written_again(built: Path, builds: dict[str, Path]) -> None:
    (built / "graph.ttl").write_bytes(b"# edited\n")
    _rebuilds(built, builds)


def test_the_next_build_removes_what_killed_builds_left(tmp_path: Path, builds: dict[str, Path]) -> None:
    out = tmp_path / "out"
    shutil.copytree(builds["old"], out)
    # A build killed with everything staged: its temporary files stay behind.
    killed = _build(NEW, out, env={"COUNCILGRAPH_TEST_KILL_AT_COMMIT_STEP": "1"})
    assert killed.returncode == -signal.SIGKILL
    # A store load killed before its rename: its staging store stays behind (see the load's kill tests).
    DocumentStore.create(out / ".store.new-4194305").close()
    left = _leftovers(out)
    assert ".store.new-4194305" in left and any(name.endswith(".tmp") for name in left)
    (out / ".councilgraph" / ".0123.turtle.999999999.tmp").write_bytes(b"half a fragment")  # a killed worker's
    live = out / f".citations.html.{os.getpid()}.abcd1234.tmp"  # a running `viz` (this process is alive)
    live.write_bytes(b"being written")
    result = _build(NEW, out)
    assert result.returncode == 0, result.stderr
    assert _leftovers(out) == [live.name]
    assert _files(out) == {**_files(builds["clean"]), live.name: b"being written"}
    assert _documents(out) == _documents(builds["clean"])


def _kill_worker_on(name: str) -> dict[str, str]:
    return {"COUNCILGRAPH_TEST_KILL_WORKER_ON": name}


def test_a_worker_killed_by_the_system_fails_its_document_at_once(tmp_path: Path) -> None:
    """The worker building one document SIGKILLs itself (as the out-of-memory killer would): that document
    fails with one line, the others are built, and the build does not wait for the 300 s timeout."""
    inputs = sorted((DATA / "releases").glob("*.txt"))[:4]
    out = tmp_path / "out"
    result = _cli("build", *inputs, "--out", out, "-q", "-j", "2", env=_kill_worker_on(inputs[1].name))
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        f"error: {inputs[1]}: its worker process was killed (SIGKILL: out of memory?)"]
    failures = (out / "failures.tsv").read_text(encoding="utf-8").splitlines()
    assert failures == ["path\treason", f"{inputs[1]}\tits worker process was killed (SIGKILL: out of memory?)"]
    assert len(_documents(out)) == 3


def test_an_output_folder_from_before_store_generations_is_read_and_converted(
        built: Path, builds: dict[str, Path]) -> None:
    """The layout of earlier versions: the store in DIR/store itself, a manifest of format 1 naming no store."""
    generation = _generation(built)
    os.replace(generation, built / "legacy")
    (built / "store").rmdir()
    os.replace(built / "legacy", built / "store")
    text = (built / MANIFEST).read_text(encoding="utf-8")
    data = json.loads(text)
    data["format"] = 1
    del data["store"], data["files"]
    (built / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    answer = _cli("query", "--store", built / "store", "ASK { ?s a cg:PressRelease }", "--format", "csv")
    assert answer.returncode == 0 and answer.stdout.split() == ["true"], answer.stderr
    _rebuilds(built, builds, built=2)  # a manifest of another format: everything is built again
    assert _leftovers(built) == []


def test_ctrl_c_during_the_commit_lets_it_finish(tmp_path: Path, builds: dict[str, Path]) -> None:
    out = tmp_path / "out"
    shutil.copytree(builds["old"], out)
    result = _build(NEW, out, env={"COUNCILGRAPH_TEST_KILL_AT_COMMIT_STEP": "5:SIGINT"})  # among the file renames
    assert result.returncode == 0, result.stderr
    assert _files(out) == _files(builds["clean"]) and _leftovers(out) == []


def _stored_fragments(out: Path) -> list[Path]:
    return sorted((out / ".councilgraph").glob("*.nquads"))


def test_an_emptied_fragment_with_the_store_deleted_builds_its_document_again(
        built: Path, builds: dict[str, Path]) -> None:
    """A fragment whose bytes never reached the disk (emptied by a power cut), and no store to fall back on:
    the build sees the fragment is not the size the manifest recorded and builds that document again."""
    _stored_fragments(built)[0].write_bytes(b"")
    shutil.rmtree(built / "store")
    _rebuilds(built, builds, built=1)


@pytest.mark.parametrize("damage", ["comment", "zeros"])
def test_a_store_that_would_lack_a_document_of_its_manifest_is_not_put_in_place(
        built: Path, builds: dict[str, Path], damage: str) -> None:
    """A fragment of the right size that holds no quads (a comment), or no N-Quads at all (NUL bytes, what a
    power cut can leave in a file whose size reached the disk before its data; the reader printed the
    parser's traceback, and the next build, which checks sizes, said "up to date"): the loaded store would
    lack its document. The reader loading it refuses with one line, puts no store in place and removes that
    fragment; the next build builds that document again (the build itself does not load the store, so cannot
    see it)."""
    fragment = _stored_fragments(built)[0]
    size = fragment.stat().st_size
    fragment.write_bytes(b"#" + b" " * (size - 2) + b"\n" if damage == "comment" else bytes(size))
    shutil.rmtree(built / "store")
    manifest = (built / MANIFEST).read_bytes()
    for command in (["query", "--store", built, "ASK { ?s ?p ?o }"], ["tables", built, "--out", built / "t"]):
        _one_line_error(_cli(*command), "cannot load the store", "damaged", "councilgraph build")
    assert not fragment.exists() and not _generation(built).exists() and _leftovers(built) == []
    assert (built / MANIFEST).read_bytes() == manifest
    _rebuilds(built, builds, built=1)


def test_a_deleted_fragment_of_a_format_builds_its_document_again(built: Path, builds: dict[str, Path]) -> None:
    """Every fragment the files are written from is checked, not only the store's and the report's."""
    sorted((built / ".councilgraph").glob(f"*.{FORMAT}"))[0].unlink()
    (built / "graph.ttl").write_bytes(b"# edited\n")  # the files are written again, from every fragment
    _rebuilds(built, builds, built=1)


def test_the_users_temporary_looking_files_are_left_alone(built: Path, builds: dict[str, Path]) -> None:
    """Only the names this tool writes (.OUTPUT.PID.RANDOM.tmp of a process that is gone) are leftovers: a
    user's file with a number too large for a process id used to crash every build (OverflowError)."""
    users = [".notes.20261204191500.v2.tmp", ".backup.1234.x.tmp", ".notes.999999.abcdefgh.tmp",
             ".graph.ttl.20261204191500.abcdefgh.tmp"]
    for name in users:
        (built / name).write_bytes(b"the user's")
    dead = built / ".graph.ttl.4194305.abcdefgh.tmp"  # above any Linux pid_max: no process has it
    dead.write_bytes(b"left by a killed build")
    (built / "graph.ttl").write_bytes(b"# edited\n")  # a build that writes, and so cleans up
    result = _cli("build", *NEW, "--out", built, "-j", "1", "--format", FORMAT)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert {name: (built / name).read_bytes() for name in users} == dict.fromkeys(users, b"the user's")
    assert not dead.exists() and _files(built) == {**_files(builds["clean"]), **dict.fromkeys(users, b"the user's")}


def test_ctrl_c_during_the_cleanup_after_the_commit_reports_the_build(tmp_path: Path,
                                                                        builds: dict[str, Path]) -> None:
    """Ctrl-C while the previous store generation and old fragments are removed: the build is committed, so
    it finishes its cleanup and says so (it used to say "the previous output ... is unchanged", exit 130)."""
    out = tmp_path / "out"
    shutil.copytree(builds["old"], out)
    result = _build(NEW, out, env={"COUNCILGRAPH_TEST_KILL_AT_COMMIT_STEP": "cleaning up:SIGINT"})
    assert result.returncode == 0 and "interrupted" not in result.stderr, result.stderr
    assert _files(out) == _files(builds["clean"]) and _leftovers(out) == []


def test_a_fragment_that_cannot_be_written_is_one_line_with_workers_as_without(tmp_path: Path) -> None:
    """A folder in the way of a document's fragment: the build exits 1 with the same one line whether the
    document is built in this process (-j 1) or in a worker (-j 2), where the worker used to die with a
    traceback and the document failed with "its worker process stopped with status 1"."""
    inputs = sorted((DATA / "releases").glob("*.txt"))[:2]
    source = read_source(inputs[1])
    key = fragment_key(source.sha256, source.name, BuildOptions((FORMAT,)))
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        (out / ".councilgraph" / f"{key}.{FORMAT}" / "in the way").mkdir(parents=True)
        result = _cli("build", *inputs, "--out", out, "-q", "-j", jobs, "--format", FORMAT)
        assert result.returncode == 1, result.stderr
        assert result.stderr.splitlines() == [f"error: cannot write the output in {out}: Is a directory"], jobs
        assert not (out / MANIFEST).exists()


def test_an_output_file_replaced_with_an_old_modification_time_is_written_again(
        built: Path, builds: dict[str, Path]) -> None:
    """Restored from an older copy with its times (`cp -p`, `rsync -a`): not newer than the manifest, yet
    not the committed file; its size, inode and change time give it away, and it is hashed."""
    target = built / "graph.ttl"
    copy = built.parent / "restored"
    copy.write_bytes(b"# an older graph\n")
    committed = target.stat()
    os.utime(copy, ns=(committed.st_atime_ns, committed.st_mtime_ns))
    os.replace(copy, target)
    _rebuilds(built, builds)


def test_a_temporary_file_under_its_writers_lock_is_left_alone(built: Path, builds: dict[str, Path]) -> None:
    """Its process id names no process here (a writer in another PID namespace, a container sharing the
    folder), but its writer holds its lock, as StagedFiles does until the rename: it is not a leftover."""
    held = built / ".graph.ttl.4194305.abcdefgh.tmp"
    left = built / ".graph.ttl.4194305.ijklmnop.tmp"
    for path in (held, left):
        path.write_bytes(b"being written")
    (built / "graph.ttl").write_bytes(b"# edited\n")  # a build that writes, and so cleans up
    fd = os.open(held, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        result = _cli("build", *NEW, "--out", built, "-j", "1", "--format", FORMAT)
    finally:
        os.close(fd)
    assert result.returncode == 0, result.stderr
    assert held.read_bytes() == b"being written" and not left.exists()


def test_staged_files_hold_their_lock_until_renamed(tmp_path: Path) -> None:
    files = StagedFiles()
    files.write(tmp_path / "a.txt", b"a")
    [(temporary, _)] = files.staged()
    fd = os.open(temporary, os.O_RDONLY)
    try:
        with pytest.raises(BlockingIOError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        files.commit()
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # renamed: released
    finally:
        os.close(fd)
    assert (tmp_path / "a.txt").read_bytes() == b"a"


# The store is loaded by its first reader (councilgraph.loading), not by the build: the same guarantees hold
# for that load as for a build's commit.

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s a cg:PressRelease }"


@pytest.fixture
def unloaded(tmp_path: Path, builds: dict[str, Path]) -> Path:
    """The old output (its store loaded) rebuilt with the new inputs: a store the first query loads."""
    out = tmp_path / "out"
    shutil.copytree(builds["old"], out)
    _build_here(NEW, out)
    assert not _generation(out).exists()
    return out


def _answers(out: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return _cli("query", "--store", out, COUNT, "--format", "csv", env=env)


def _loaded_then_queried(out: Path, builds: dict[str, Path], killed: subprocess.CompletedProcess[str],
                         what: str) -> None:
    """After a query was killed while loading the store: no store is in place but a whole one, the manifest is
    as the build left it, and the next query loads it and answers as a clean build's store."""
    assert killed.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL), (what, killed.stderr)
    assert (out / MANIFEST).read_bytes() == (builds["clean"] / MANIFEST).read_bytes(), what
    generation = _generation(out)
    assert not generation.exists() or len(_documents(out)) == 2, what  # there only once whole
    answer = _answers(out)
    assert answer.returncode == 0 and answer.stdout.split() == ["n", "2"], (what, answer.stderr)
    assert _documents(out) == _documents(builds["clean"]) and _leftovers(out) == [], what


def _kill_each_load(unloaded: Path, builds: dict[str, Path], label: str, limit: int,
                    killed_at: Callable[[Path, int], subprocess.CompletedProcess[str]]) -> int:
    """Load a copy of ``unloaded`` killed at kill point 1, 2, ... (``killed_at`` runs the killed query), each checked
    by :func:`_loaded_then_queried`, until a query is not killed: the number of that run."""
    for n in range(1, limit):
        out = unloaded.with_name(f"{label}-{n}")
        shutil.copytree(unloaded, out)
        killed = killed_at(out, n)
        if killed.returncode == 0:
            return n
        _loaded_then_queried(out, builds, killed, f"killed at {label} {n}")
    raise AssertionError(f"still killed after {limit - 1} {label}s")


def test_a_query_killed_at_any_step_of_the_stores_load_leaves_no_half_store(
        unloaded: Path, builds: dict[str, Path]) -> None:
    """SIGKILL at each fsync and rename of the load's commit (the test hook), one query per step."""
    steps = _kill_each_load(unloaded, builds, "load-step", 20, lambda out, step: _answers(
        out, env={"COUNCILGRAPH_TEST_KILL_AT_COMMIT_STEP": str(step)}))
    assert steps > 3  # synced, renamed, the folder synced: each was a kill point


@pytest.mark.skipif(not _strace_can_kill(), reason="needs strace and ptrace")
def test_a_query_killed_at_any_rename_of_the_stores_load_leaves_no_half_store(
        unloaded: Path, builds: dict[str, Path]) -> None:
    """The kernel's view: strace SIGKILLs the query at its Nth rename (RocksDB's while loading, the load's)."""
    renames = _kill_each_load(unloaded, builds, "rename", 200, lambda out, n: subprocess.run(
        ["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=rename,renameat,renameat2",
         "-e", f"inject=rename,renameat,renameat2:signal=SIGKILL:when={n}",
         sys.executable, "-m", "councilgraph.cli", "query", "--store", str(out), COUNT],
        capture_output=True, text=True, timeout=120))
    assert renames > 3  # RocksDB's and the load's own: each was a kill point


def test_two_readers_at_once_load_the_store_once(unloaded: Path) -> None:
    """Two real queries started together on a store nobody loaded: both answer; one generation, no staging."""
    command = [sys.executable, "-m", "councilgraph.cli", "query", "--store", str(unloaded), COUNT, "--format", "csv"]
    readers = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    answers = [reader.communicate(timeout=120) for reader in readers]
    assert [reader.returncode for reader in readers] == [0, 0], answers
    assert [out.split() for out, _ in answers] == [["n", "2"], ["n", "2"]]
    assert sorted(p.name for p in (unloaded / "store").iterdir()) == [_generation(unloaded).name]
    assert _leftovers(unloaded) == []


def test_a_reader_waits_for_a_build_then_loads_the_store_it_committed(unloaded: Path, builds: dict[str, Path]) -> None:
    """A process holds the folder's lock (as a build does): a query that must load the store waits for it, writes
    nothing meanwhile, then answers from the build committed when it got the lock."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from councilgraph.output import locked\n"
         f"with locked(Path({str(unloaded)!r})):\n    print('locked', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        reader = subprocess.Popen([sys.executable, "-m", "councilgraph.cli", "query", "--store", str(unloaded), COUNT,
                                   "--format", "csv"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _wait_until_blocked_on_lock(reader.pid)
            assert not _generation(unloaded).exists() and not list(unloaded.glob(".store.*"))
            shutil.copy(builds["old"] / MANIFEST, unloaded / MANIFEST)  # what the build commits before letting go
        finally:
            assert holder.stdin is not None
            holder.stdin.close()
            holder.wait(timeout=60)
        out, errors = reader.communicate(timeout=120)
    finally:
        holder.kill()
        holder.wait(timeout=60)
    assert reader.returncode == 0 and out.split() == ["n", "1"], errors  # the old manifest's one document
    assert _generation(unloaded).is_dir()


def _without_overriding_permissions() -> None:
    """In the child before it runs the command: drop the capabilities that let root write a read-only folder
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER) from its bounding set, so the command runs as root
    that respects file modes."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    for capability in (1, 2, 3):
        if prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            os._exit(77)


def _read_only(out: Path) -> None:
    for folder in [out, *(p for p in out.rglob("*") if p.is_dir())]:
        folder.chmod(0o555)


def test_a_folder_the_reader_cannot_write_is_queried_from_a_temporary_store(tmp_path: Path,
                                                                            builds: dict[str, Path]) -> None:
    """`query` and `tables` load the store into a temporary folder for themselves, with a one-line note; `serve`, whose
    server needs the store on disk, exits 1 with one line. Nothing is written in the folder."""
    out = tmp_path / "out"
    shutil.copytree(builds["clean"], out)
    shutil.rmtree(out / "store")  # as a build leaves it: not loaded
    tables = tmp_path / "tables"
    _read_only(out)
    as_user: dict[str, object] = {"preexec_fn": _without_overriding_permissions} if os.geteuid() == 0 else {}
    probe = subprocess.run([sys.executable, "-c", f"open({str(out / 'x')!r}, 'w')"], capture_output=True, **as_user)
    if probe.returncode != 1 or b"PermissionError" not in probe.stderr:
        pytest.skip("cannot make a folder this test cannot write (root without CAP_SETPCAP?)")
    try:
        before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))

        def run(*args: object) -> subprocess.CompletedProcess[str]:
            return subprocess.run([sys.executable, "-m", "councilgraph.cli", *map(str, args)], capture_output=True,
                                  text=True, timeout=120, **as_user)

        answer = run("query", "--store", out, COUNT, "--format", "csv")
        assert answer.returncode == 0 and answer.stdout.split() == ["n", "2"], answer.stderr
        assert answer.stderr.splitlines() == [
            f"note: the store of the build in {out} is not loaded yet, and loading it needs to write there: "
            "Permission denied; loading its 2 document(s) into a temporary store for this command"]
        made = run("tables", out, "--out", tables, "-q")
        assert made.returncode == 0 and (tables / "statements.csv").is_file(), made.stderr
        served = run("serve", "--store", out, "--port", str(free_port()))
        assert served.returncode == 1 and len(served.stderr.splitlines()) == 1, served.stderr
        assert served.stderr.startswith("error: the store of the build in") and "Traceback" not in served.stderr
        assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    finally:
        for folder in [out, *(p for p in out.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)


def test_tables_of_a_folder_the_reader_cannot_write_are_the_same_bytes(tmp_path: Path, seed_path: Path) -> None:
    """The same build gives the same tables whether its folder can be written (the store loaded on disk) or not
    (loaded elsewhere): an in-memory store had listed the seed's instruments' aliases in another order."""
    writable, unwritable = tmp_path / "writable", tmp_path / "unwritable"
    built = _cli("build", seed_path, "--out", writable, "-q", "-j", "1", "--format", FORMAT)
    assert built.returncode == 0, built.stderr
    shutil.copytree(writable, unwritable)
    _read_only(unwritable)
    as_user: dict[str, object] = {"preexec_fn": _without_overriding_permissions} if os.geteuid() == 0 else {}
    try:
        made = subprocess.run([sys.executable, "-m", "councilgraph.cli", "tables", unwritable, "--out",
                               tmp_path / "from-memory", "-q"], capture_output=True, text=True, timeout=120, **as_user)
        assert made.returncode == 0 and "temporary store" in made.stderr, made.stderr
    finally:
        for folder in [unwritable, *(p for p in unwritable.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)
    assert _cli("tables", writable, "--out", tmp_path / "from-disk", "-q").returncode == 0
    for table in sorted((tmp_path / "from-disk").glob("*.csv")):
        assert (tmp_path / "from-memory" / table.name).read_bytes() == table.read_bytes(), table.name
