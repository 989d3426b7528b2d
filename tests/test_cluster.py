"""Building on a Dask cluster (issue 15): the same output as the local pool, byte for byte.

Real clusters on loopback: a ``distributed.LocalCluster`` of 2 worker processes (1 thread each), and
``dask scheduler`` / ``dask worker`` started as separate processes for the real command line. Every
wait is bounded; every process is stopped at the end.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip("distributed")  # the extra councilgraph[dask]; CI installs it

from councilgraph.batch import BuildOptions, build_archive  # noqa: E402
from councilgraph.cli import main  # noqa: E402
from councilgraph.cluster import DaskExecutor  # noqa: E402
from councilgraph.exports import DEFAULT_FORMATS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
FIXTURES = [DATA / name for name in ("releases", "layouts", "archive", "html", "resolutions")]
WAIT = 120  # seconds any one wait for a process may take on a loaded machine
# Short connect timeouts: a scheduler that is not there is found out in seconds, not Dask's 30.
ENV = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "5s"}


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0", death_timeout=WAIT) as local:
        yield local


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), "50", str(folder)],
                   check=True, timeout=WAIT, env=ENV, capture_output=True)
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of a build that must be the same bytes: the output files, the manifest (which names the
    store's generation, a hash of what it holds) and the fragments; not the lock, nor the record of the
    files' times and inodes, nor RocksDB's own files."""
    files = {}
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out).as_posix()
        if path.is_file() and not relative.startswith("store/") and relative not in (".councilgraph/lock",
                                                                                     ".councilgraph/files.json"):
            files[relative] = path.read_bytes()
    return files


def build(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *args, "--quiet"])
    return result.exit_code, result.output


@pytest.mark.parametrize("inputs", ["seed", "fixtures", "synthetic"])
def test_a_local_cluster_builds_what_the_local_pool_builds(inputs: str, cluster, synthetic: Path,
                                                           tmp_path: Path) -> None:
    given = {"seed": [ROOT / "examples"], "fixtures": FIXTURES, "synthetic": [synthetic]}[inputs]
    names = [str(path) for path in given]
    local = build([*names, "--out", str(tmp_path / "local"), "--jobs", "2"])
    remote = build([*names, "--out", str(tmp_path / "cluster"), "--scheduler", cluster.scheduler_address])
    assert remote == local
    assert local[0] in (0, 1)  # the fixtures hold inputs that are not releases: they fail, the others land
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")
    assert (tmp_path / "cluster" / "manifest.json").is_file()


def test_unchanged_inputs_are_not_sent_and_a_changed_one_is(cluster, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("SC-12647.txt",):
        (inputs / name).write_bytes((DATA / "archive" / name).read_bytes())
    (inputs / "SC-13081.txt").write_bytes((ROOT / "examples" / "SC-13081.txt").read_bytes())
    out = tmp_path / "out"
    assert build([str(inputs), "--out", str(out), "--scheduler", cluster.scheduler_address])[0] == 0
    before = snapshot(out)
    # Nothing changed: the build needs no cluster at all, not even the address of one that is there.
    code, output = build([str(inputs), "--out", str(out), "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 0, output
    assert snapshot(out) == before
    # One input changed: it alone is built, on the cluster, and the output equals a local build's.
    text = (inputs / "SC-13081.txt").read_text(encoding="utf-8")
    (inputs / "SC-13081.txt").write_text(text.replace("Security Council", "Security  Council", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(inputs), "--out", str(out), "--scheduler",
                                       cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert "1 document(s) built, 1 unchanged" in result.output
    assert build([str(inputs), "--out", str(tmp_path / "local"), "--jobs", "1"])[0] == 0
    assert snapshot(out) == snapshot(tmp_path / "local")


def test_a_failing_document_costs_that_document_only(cluster, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "SC-13081.txt").write_bytes((ROOT / "examples" / "SC-13081.txt").read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01" * 100)
    (inputs / "prose.txt").write_text("Nothing here is a press release.\n", encoding="utf-8")
    missing = str(tmp_path / "nowhere.txt")
    local = build([str(inputs), missing, "--out", str(tmp_path / "local"), "--jobs", "2"])
    remote = build([str(inputs), missing, "--out", str(tmp_path / "cluster"), "--scheduler",
                    cluster.scheduler_address])
    assert remote == local
    assert local[0] == 1
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")
    rows = (tmp_path / "cluster" / "failures.tsv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 5  # the header and the four inputs that are not releases; the seed is built


def test_an_error_on_the_client_stops_the_clusters_work_and_is_raised(cluster, seed_path: Path,
                                                                      tmp_path: Path) -> None:
    # The documents sent ahead are cancelled, an unreadable one among them (it has no task), and the
    # client's error is what the build raises; nothing is committed.
    def fail(outcome, what) -> None:
        raise RuntimeError("the report failed")

    paths = [seed_path, tmp_path / "missing.txt", DATA / "archive" / "SC-12647.txt"]
    with pytest.raises(RuntimeError, match="the report failed"):
        build_archive(paths, tmp_path / "out", BuildOptions(DEFAULT_FORMATS), report=fail,
                      executor=DaskExecutor(cluster.scheduler_address))
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_killing_a_worker_mid_build_loses_no_document(synthetic: Path, tmp_path: Path) -> None:
    options = BuildOptions(DEFAULT_FORMATS)
    paths = sorted(synthetic.glob("*.txt"))
    assert build_archive(paths, tmp_path / "local", options, jobs=2).failures == []
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0", death_timeout=WAIT) as local, \
            distributed.Client(local, set_as_default=False) as client:
        pids = client.run(os.getpid)
        killed: list[str] = []

        def kill_a_busy_worker(outcome, what) -> None:
            if killed:
                return
            deadline = time.monotonic() + WAIT
            while time.monotonic() < deadline:  # the window of documents sent ahead keeps both busy
                busy = [worker for worker, keys in client.processing().items() if keys and worker in pids]
                if busy:
                    killed.append(busy[0])
                    os.kill(pids[busy[0]], signal.SIGKILL)  # as the system's out-of-memory killer would
                    return
                time.sleep(0.05)
            raise AssertionError("no worker was busy")

        summary = build_archive(paths, tmp_path / "cluster", options, report=kill_a_busy_worker,
                                executor=DaskExecutor(local.scheduler_address))
        assert killed
        assert summary.failures == []
        assert summary.built == len(paths)
        assert killed[0] not in client.scheduler_info(n_workers=-1)["workers"]  # it really died
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(args: list[str], log: Path) -> subprocess.Popen:
    with log.open("wb") as sink:  # its own session: the worker's nanny and its child are stopped together
        return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=sink, stderr=subprocess.STDOUT,
                                env=ENV, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def test_dask_scheduler_and_worker_processes_build_through_the_command_line(tmp_path: Path) -> None:
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = start(["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                      tmp_path / "scheduler.log")
    worker = None
    try:
        worker = start(["worker", address, "--host", "127.0.0.1", "--nworkers", "2", "--nthreads", "1",
                        "--no-dashboard", "--death-timeout", str(WAIT)], tmp_path / "worker.log")
        with distributed.Client(address, timeout=WAIT, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=WAIT)  # both started: a loaded machine takes its time
        command = [sys.executable, "-m", "councilgraph.cli", "build", str(ROOT / "examples"), str(DATA / "archive"),
                   "--out", str(tmp_path / "cluster"), "--scheduler", address]
        done = subprocess.run(command, capture_output=True, text=True, timeout=WAIT * 2, env=ENV)
        assert done.returncode == 0, done.stderr + (tmp_path / "worker.log").read_text(errors="replace")
        assert "2 document(s) built" in done.stdout
        assert "Traceback" not in done.stderr
        # The scheduler's address from Dask's own variable, for a rebuild with one input more.
        (extra := tmp_path / "extra").mkdir()
        (extra / "GA-small.html").write_bytes((DATA / "html" / "GA-small.html").read_bytes())
        again = subprocess.run([*command[:-2], str(extra)], capture_output=True, text=True, timeout=WAIT * 2,
                               env={**ENV, "DASK_SCHEDULER_ADDRESS": address})
        assert again.returncode == 0, again.stderr
        assert "1 document(s) built, 2 unchanged" in again.stdout
    finally:
        if worker is not None:
            stop(worker)
        stop(scheduler)
    local = subprocess.run([*command[:-4], str(extra), "--out", str(tmp_path / "local"), "--jobs", "2"],
                           capture_output=True, text=True, timeout=WAIT * 2, env=ENV)
    assert local.returncode == 0, local.stderr
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


@pytest.mark.parametrize(("address", "status", "says"), [
    ("nonsense", 2, "Invalid value for '--scheduler': missing port number"),
    ("ftp://127.0.0.1:21", 2, "unknown address scheme 'ftp'"),
    ("127.0.0.1:70000", 2, "port 70000 is out of range"),
    ("closed", 1, "error: no Dask scheduler answers at tcp://127.0.0.1:"),
])
def test_a_bad_scheduler_address_is_one_line_and_leaves_the_output(address: str, status: int, says: str,
                                                                     seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([str(seed_path), "--out", str(out), "--jobs", "1"])[0] == 0
    before = snapshot(out)
    if address == "closed":
        address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    command = [sys.executable, "-m", "councilgraph.cli", "build", str(seed_path), str(DATA / "archive"),
               "--out", str(out), "--scheduler", address]
    done = subprocess.run(command, capture_output=True, text=True, timeout=WAIT, env=ENV)
    assert done.returncode == status
    assert says in done.stderr
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == (1 if status == 1 else 3)  # click's usage error: usage, hint, error
    assert snapshot(out) == before


def test_workers_of_another_councilgraph_are_refused_at_connect(cluster, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import councilgraph.cluster as cluster_module

    monkeypatch.setattr(cluster_module, "__version__", "0+elsewhere")  # as a client of another version sees them
    status, output = build([str(ROOT / "examples"), "--out", str(tmp_path / "out"), "--scheduler",
                            cluster.scheduler_address])
    assert status == 1
    assert "runs councilgraph" in output and "this client 0+elsewhere" in output and len(output.splitlines()) == 1
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_a_worker_of_another_councilgraph_that_joins_later_builds_nothing(cluster, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers pass the check at connect; a worker of another version joining afterwards is what the client
    meets when its own version changes right after the check: every document it gets fails, none is built with
    another version's layout."""
    import councilgraph.cluster as cluster_module

    checked = cluster_module._check_workers

    def check_then_change(client, timeout: float) -> None:
        checked(client, timeout)
        monkeypatch.setattr(cluster_module, "__version__", "0+elsewhere")

    monkeypatch.setattr(cluster_module, "_check_workers", check_then_change)
    status, output = build([str(ROOT / "examples"), "--out", str(tmp_path / "out"), "--scheduler",
                            cluster.scheduler_address])
    assert status == 1
    assert "its Dask worker runs councilgraph" in output and "this client 0+elsewhere" in output
    assert not list((tmp_path / "out").glob("*.ttl"))
