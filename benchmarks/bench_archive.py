"""Benchmark: build a synthetic archive of N releases end to end, rebuild it unchanged, query it.

Generates N press releases by varying the bundled seed (benchmarks/synthetic.py),
builds them with validation exactly as `councilgraph build` does (process pool,
fragments, merged exports), and prints documents/s, triples/s, peak memory of
all the build's processes together (PSS), the CPU time per stage; then the
one-time load of the store that the first `query` after a build does (the
build does not load it), the time of an unchanged rebuild, and the
"most-cited resolutions" query on the store, then the same query with rdflib's
SPARQL engine on the same data (the first --rdflib-documents documents: rdflib holds every triple
as Python objects, so the whole archive would not fit). Not a test: the
figures depend on the machine. From the repository root:

    python3 benchmarks/bench_archive.py --documents 1000

With ``--baseline-commit SHA`` it also builds the same archive with the code of
that commit (checked out in a temporary git worktree) and with this code, each
in a fresh process, alternately ``--rounds`` times, and prints the speed-up as a
ratio measured side by side on the same machine in the same run: figures from
different days differ by more than the changes being measured. Where a side's
build leaves the store to its first reader, that load is measured after the
build and printed beside it (build alone, and build with the load), so that
a cost moved out of the build is not counted as saved.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar, cast

from councilgraph.batch import BuildOptions, BuildSummary, build_archive
from councilgraph.exports import DEFAULT_FORMATS
from councilgraph.queries import named_query
from councilgraph.store import query_prefixes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import alternating, baseline_and_this_code  # noqa: E402 - beside this script
from synthetic import write_archive  # noqa: E402 - the generator sits beside this script

T = TypeVar("T")
PHASES = ("building", "writing")
STAGES = ("read", "extract", "map", "validate", "serialise", "write files")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", "-n", type=int, default=1000, help="releases in the archive (default 1000)")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    parser.add_argument("--rdflib-documents", type=int, default=50,
                        help="documents loaded into rdflib for the reference query (default 50)")
    parser.add_argument("--work", type=Path, help="keep the archive and the output in this folder")
    parser.add_argument("--baseline-commit", metavar="SHA",
                        help="also build the archive with this commit's code, side by side, and print the ratio")
    parser.add_argument("--rounds", type=int, default=3,
                        help="side-by-side builds of each code, alternating (default 3; with --baseline-commit)")
    parser.add_argument("--build-only", nargs=2, type=Path, metavar=("ARCHIVE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:  # one side of a side-by-side comparison, in a process of its own
        print(json.dumps(build_only(*args.build_only, args.jobs)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        run(work, args.documents, args.jobs, args.rdflib_documents)
        if args.baseline_commit:
            side_by_side(work, args.baseline_commit, args.jobs, args.rounds)


def run(work: Path, documents: int, jobs: int, rdflib_documents: int) -> None:
    started = time.perf_counter()
    inputs = write_archive(documents, work / "archive")
    size = sum(p.stat().st_size for p in inputs)
    print(f"archive: {len(inputs)} synthetic releases, {size / 1e6:.1f} MB "
          f"(generated in {time.perf_counter() - started:.1f} s)")
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)  # a full build, not a rebuild of an earlier run
    options = BuildOptions(DEFAULT_FORMATS)

    sampler = TreeMemory()
    before = memory_state()
    summary, seconds, peak = measure(lambda: build_archive(inputs, out, options, jobs=jobs,
                                                           progress=sampler.phases), sampler)
    after = memory_state()
    print(f"\nfull build, {jobs} worker(s), with validation, formats {', '.join(options.formats)}:")
    print(f"  {summary.built} documents, {summary.triples:,} triples in {seconds:.1f} s: "
          f"{summary.built / seconds:.1f} documents/s, {summary.triples / seconds:,.0f} triples/s")
    print(f"  peak memory (PSS), all processes together: {peak / 1e6:.0f} MB "
          f"({', '.join(f'{phase} {sampler.peaks.get(phase, 0) / 1e6:.0f}' for phase in PHASES)})")
    if before is not None and after is not None:
        # What a new page costs this machine varies with what earlier runs left cached: say when the build paid
        # for reclaiming memory, so that such a run is not compared with one that did not.
        print(f"  the machine's memory: {before[0] / 1e9:.1f} GB free before the build; pages the kernel reclaimed "
              f"inside allocating processes during it (direct reclaim): {after[1] - before[1]:,}")
    busy = sum(summary.timings[s] for s in STAGES)
    print("  time by stage per document (summed over the workers; files: the main process):")
    for stage in STAGES:
        share = summary.timings[stage] / busy if busy else 0.0
        print(f"    {stage:<12} {summary.timings[stage] / summary.built * 1000:7.1f} ms  ({share:5.1%})")

    from councilgraph.loading import ensure_store  # not at the top: --build-only runs older code too

    load = TreeMemory()
    load.start()
    cpu, started = time.process_time(), time.perf_counter()
    try:
        ensure_store(out)
    finally:
        load.stop()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"\nthe store, loaded by the first query after the build (once): {summary.built} documents in "
          f"{seconds:.1f} s, {cpu / summary.built * 1000:.1f} ms CPU per document; peak memory (PSS) "
          f"{load.peak / 1e6:.0f} MB")

    rebuild, seconds, peak = measure(lambda: build_archive(inputs, out, options, jobs=jobs))
    print(f"\nunchanged rebuild: {rebuild.unchanged} documents checked in {seconds:.2f} s, "
          f"{len(rebuild.written)} files rewritten")

    print()
    query_store(out / "store", documents)
    query_rdflib(out / "graph.nq", rdflib_documents)


def build_only(archive: Path, out: Path, jobs: int) -> dict[str, float]:
    """A full build of ``archive`` into an empty ``out`` with the code on the path: what it did, in how long."""
    shutil.rmtree(out, ignore_errors=True)
    inputs = sorted(archive.glob("*.txt"))
    before = memory_state()
    started = time.perf_counter()
    summary = build_archive(inputs, out, BuildOptions(DEFAULT_FORMATS), jobs=jobs)
    seconds = time.perf_counter() - started
    after = memory_state()
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in usage)
    result = {"documents": summary.built, "triples": summary.triples, "seconds": seconds, "cpu": cpu}
    if before is not None and after is not None:
        result["reclaimed"] = after[1] - before[1]
    try:  # code whose build leaves the store to its first reader: that load, measured on its own
        from councilgraph.loading import ensure_store as load
    except ImportError:
        return result
    started = time.perf_counter()
    load(out)
    result["load seconds"] = time.perf_counter() - started
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    result["load cpu"] = sum(u.ru_utime + u.ru_stime for u in usage) - cpu
    return result


def side_by_side(work: Path, commit: str, jobs: int, rounds: int) -> None:
    """Build the archive in ``work`` with ``commit``'s code and with this code, alternately; print the ratio."""
    shutil.rmtree(work / "baseline", ignore_errors=True)
    with baseline_and_this_code(commit, work / "baseline") as codes:
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
        for name in alternating(codes, rounds):
            runs[name].append(_build_with(codes[name], work, jobs))
        print(f"\nside by side, {rounds} alternating full build(s) of each, fresh processes, medians:")
        rates = {}
        for name, results in runs.items():
            documents, triples = results[0]["documents"], results[0]["triples"]
            rates[name] = statistics.median(r["documents"] / r["seconds"] for r in results)
            cpu = statistics.median(r["cpu"] / r["documents"] * 1000 for r in results)
            each = ", ".join(f"{r['documents'] / r['seconds']:.1f}" for r in results)
            if any(r.get("reclaimed") for r in results):  # see memory_state: such builds paid for memory too
                reclaimed = ", ".join(f"{r.get('reclaimed', 0):,.0f}" for r in results)
                each += f" (pages taken back by direct reclaim: {reclaimed})"
            print(f"  {name:<21} {documents:.0f} documents, {triples:,.0f} triples: {rates[name]:.1f} documents/s, "
                  f"{cpu:.0f} ms CPU per document (all processes); each build: {each}")
            if all("load cpu" in r for r in results):
                load = statistics.median(r["load cpu"] / r["documents"] * 1000 for r in results)
                load_seconds = statistics.median(r["load seconds"] for r in results)
                with_load = statistics.median(r["documents"] / (r["seconds"] + r["load seconds"]) for r in results)
                print(f"  {'':<21} then the first query's store load: {load_seconds:.1f} s, {load:.0f} ms CPU per "
                      f"document; build and load together: {with_load:.1f} documents/s, {cpu + load:.0f} ms CPU "
                      f"per document")
        base, new = rates.values()
        base_cpu, new_cpu = (statistics.median(r["cpu"] / r["documents"] for r in results) for results in runs.values())
        # On a machine shared with others the wall clock varies more than the CPU time: both are given.
        print(f"  ratio: {new / base:.2f} x the baseline's documents/s; CPU per document {new_cpu / base_cpu:.2f} x")
        both = [statistics.median((r["cpu"] + r.get("load cpu", 0.0)) / r["documents"] for r in results)
                for results in runs.values()]
        if any("load cpu" in r for results in runs.values() for r in results):
            print(f"  ratio with each side's store load (the build's, or the first query's): CPU per document "
                  f"{both[1] / both[0]:.2f} x")


def _build_with(path: str, work: Path, jobs: int) -> dict[str, float]:
    """One full build of ``work/archive`` in a fresh process that imports councilgraph from ``path``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([path, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    result = subprocess.run([sys.executable, __file__, "--build-only", str(work / "archive"), str(work / "side"),
                             "--jobs", str(jobs)], env=env, capture_output=True, text=True, check=True)
    return cast(dict[str, float], json.loads(result.stdout.splitlines()[-1]))


def memory_state() -> tuple[int, int] | None:
    """Free memory in bytes, and the pages reclaimed so far by allocating processes (``pgsteal_direct``): on a
    machine whose page cache fills up, a build pays for reclaiming it. None where /proc does not tell."""
    try:
        free = next(int(line.split()[1]) * 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                    if line.startswith("MemFree:"))
        reclaimed = sum(int(line.split()[1]) for line in Path("/proc/vmstat").read_text().splitlines()
                        if line.startswith("pgsteal_direct"))
    except (OSError, StopIteration, ValueError, IndexError):
        return None
    return free, reclaimed


def measure(action: Callable[[], BuildSummary], sampler: TreeMemory | None = None,
            ) -> tuple[BuildSummary, float, int]:
    """Run ``action``; its result, wall-clock seconds and the peak memory (PSS) of this process tree."""
    sampler = sampler or TreeMemory()
    sampler.start()
    started = time.perf_counter()
    try:
        result = action()
    finally:
        sampler.stop()
    return result, time.perf_counter() - started, sampler.peak


class TreeMemory:
    """Samples the memory (PSS) of this process and all its descendants (workers, fork server, file writer).

    The sampler is a forked process, not a thread: a build in a process that runs other threads starts its
    workers from a fork server (see councilgraph.batch), and the benchmark measures the build as the command
    line runs it, in a process with one thread. The sampler's own memory is left out of the sum.
    """

    def __init__(self) -> None:
        self.peak = 0
        self.peaks: dict[str, int] = {}  # by phase of the build: starting, building, writing
        context = multiprocessing.get_context("fork")
        self._talk, theirs = context.Pipe()
        self._process = context.Process(target=_sample_until_told, args=(os.getpid(), theirs), daemon=True)

    def start(self) -> None:
        self._process.start()

    def _tell(self, phase: str | None) -> Any:
        """Tell the sampler the build's phase (None: stop), and wait for its answer."""
        self._talk.send(phase)
        return self._talk.recv()

    def phases(self, items: Iterator[T], total: int, label: str) -> Iterator[T]:
        """A ``progress`` for build_archive that tells the sampler which phase the build is in."""
        self._tell(label.lower())
        yield from items
        self._tell("writing")  # after the last phase with a progress bar come the output files

    def stop(self) -> None:
        self.peaks = self._tell(None)
        self._process.join()
        self.peak = max(self.peaks.values(), default=0)


def _sample_until_told(root: int, talk: Connection) -> None:
    """The sampler process: every 0.1 s, and at each change of phase on both sides of it (a short phase can fall
    between two timed samples), the memory of ``root``'s tree under the phase; the peaks by phase when stopped."""
    phase, peaks = "starting", {}

    def sample() -> None:
        memory = _tree_memory(root, leave_out=os.getpid())
        peaks[phase] = max(peaks.get(phase, 0), memory)

    while True:
        sample()
        if not talk.poll(0.1):
            continue
        told = talk.recv()
        sample()
        if told is None:
            talk.send(peaks)
            return
        phase = told
        sample()
        talk.send(None)


def _tree_memory(root: int, leave_out: int | None = None) -> int:
    """Proportional set size (PSS) of ``root`` and its descendants but ``leave_out``, in bytes.

    PSS splits each shared page among the processes that map it, so the
    workers' copy-on-write pages from the fork server count once, not once
    per worker as summed RSS would count them.
    """
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    total, frontier = 0, [root]
    while frontier:
        pid = frontier.pop()
        total += _pss(pid)
        frontier += [child for child, parent in parents.items() if parent == pid and child != leave_out]
    return total


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def query_store(store_path: Path, documents: int) -> None:
    from councilgraph.loading import open_store

    store = open_store(store_path)
    try:
        text = named_query("most-cited-resolutions").text
        rows, times = timed(lambda: store.query(text).rows)
        print(f"'most-cited-resolutions' on the store ({documents} documents, {len(store):,} quads): "
              f"median {statistics.median(times) * 1000:.0f} ms over {len(times)} runs; top: "
              f"{rows[0][0].value} cited {rows[0][1].value} times")
    finally:
        store.close()


def query_rdflib(nquads: Path, documents: int) -> None:
    """The same query with rdflib's engine, on the first ``documents`` named graphs of the N-Quads export."""
    import pyoxigraph as ox
    from rdflib import Dataset

    lines, graphs, last = [], 0, None
    with nquads.open(encoding="utf-8") as fh:
        for line in fh:
            graph = line.rsplit(" ", 2)[-2]
            if graph != last:
                graphs, last = graphs + 1, graph
                if graphs > documents:
                    break
            lines.append(line)
    data = "".join(lines)
    text = named_query("most-cited-resolutions").text
    dataset = Dataset(default_union=True)
    started = time.perf_counter()
    dataset.parse(data=data, format="nquads")
    loaded = time.perf_counter() - started
    rows, times = timed(lambda: list(dataset.query(text, initNs=query_prefixes())), runs=3)
    print(f"rdflib on {documents} documents ({len(lines):,} quads, loaded in {loaded:.1f} s): "
          f"median {statistics.median(times) * 1000:.0f} ms; top: {rows[0][0]} cited {rows[0][1]} times")
    store = ox.Store()
    store.load(input=data, format=ox.RdfFormat.N_QUADS)
    rows, times = timed(lambda: list(cast(ox.QuerySolutions, store.query(text, use_default_graph_as_union=True))))
    print(f"pyoxigraph on the same {documents} documents: median {statistics.median(times) * 1000:.1f} ms")


def timed(action: Callable[[], Any], runs: int = 5) -> tuple[Any, list[float]]:
    result = action()  # warm up: caches, lazy imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return result, times


if __name__ == "__main__":
    main()
