"""Benchmark: the part of a build that stays on one machine, the merge, at 2,000 and 10,000 documents.

On a cluster the documents are built by the workers, but the client still writes the
output files from the documents' fragments and commits, and the first reader after the
build (`query`, `tables`, `serve`) loads every document's N-Quads fragment into the store
(councilgraph.loading): that is what this measures, both in one process. It generates N synthetic releases
(benchmarks/synthetic.py), builds them once (the local pool, or a cluster with
--scheduler: not measured), then deletes the store and the output files and builds
again: every fragment is kept, so nothing is built and the build is the merge alone. It
runs in a fresh process, and its wall time, CPU time and peak resident memory are
printed, with the sizes of what it read and wrote; then the same for writing N-Quads
shards (--shards). Not a test: the figures depend on the machine. From the repository root:

    python3 benchmarks/bench_merge.py --documents 2000 --work /tmp/merge-2000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_archive  # noqa: E402 - the generator sits beside this script

# Run in a fresh interpreter: its own peak memory, not the benchmark's.
_MERGE = """
import json, resource, sys, time
from pathlib import Path
from councilgraph.batch import BuildOptions, build_archive
from councilgraph.exports import DEFAULT_FORMATS
from councilgraph.loading import ensure_store
paths, out = sorted(Path(sys.argv[1]).glob("*.txt")), Path(sys.argv[2])
started, cpu = time.perf_counter(), time.process_time()
summary = build_archive(paths, out, BuildOptions(DEFAULT_FORMATS), jobs=1)
assert summary.built == 0 and not summary.failures, summary
built = time.perf_counter()
ensure_store(out)  # what the first query after the build does
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "store": time.perf_counter() - built, "files": built - started}))
"""
_SHARDS = """
import json, resource, sys, time
from pathlib import Path
from councilgraph.shards import write_shards
started = time.perf_counter()
written = write_shards(Path(sys.argv[1]), int(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - started, "shards": len(written),
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", "-n", type=int, default=2000)
    parser.add_argument("--work", type=Path, required=True, help="the archive and its build; kept for a rerun")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="for the first build")
    parser.add_argument("--scheduler", help="build the fragments on this Dask cluster instead")
    parser.add_argument("--shards", type=int, default=1000, help="documents per N-Quads shard (default 1000)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # each figure as soon as it is measured, also into a file
    inputs, out = args.work / "in", args.work / "out"
    if len(list(inputs.glob("*.txt"))) != args.documents:
        shutil.rmtree(inputs, ignore_errors=True)
        write_archive(args.documents, inputs)
    size = sum(p.stat().st_size for p in inputs.glob("*.txt"))
    print(f"archive: {args.documents} synthetic releases, {size / 1e6:.1f} MB")
    started = time.perf_counter()
    build = [sys.executable, "-m", "councilgraph.cli", "build", str(inputs), "--out", str(out), "--quiet",
             *(["--scheduler", args.scheduler] if args.scheduler else ["--jobs", str(args.jobs)])]
    subprocess.run(build, check=True)
    print(f"first build (fragments made; not the merge's figure): {time.perf_counter() - started:.0f} s")
    # Everything but the fragments and the manifest goes: the next build is the merge alone.
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    shutil.rmtree(out / "store", ignore_errors=True)  # none yet: a build leaves it to the first reader
    for name in manifest["files"]:
        (out / name).unlink()
    fragments = sum(p.stat().st_size for p in (out / ".councilgraph").glob("*.nquads"))
    merge = _run(_MERGE, str(inputs), str(out))
    store = sum(p.stat().st_size for p in (out / "store").rglob("*") if p.is_file())
    files = sum((out / name).stat().st_size for name in manifest["files"])
    print(f"merge on the client: {merge['seconds']:.1f} s wall, {merge['cpu']:.1f} s CPU (files and commit "
          f"{merge['files']:.1f} s, store on the first query {merge['store']:.1f} s), peak RSS "
          f"{merge['peak_kb'] / 1024:.0f} MB")
    print(f"  read {fragments / 1e6:.0f} MB of N-Quads fragments; wrote a {store / 1e6:.0f} MB store and "
          f"{files / 1e6:.0f} MB of files")
    shards = _run(_SHARDS, str(out), str(args.shards))
    written = sum(p.stat().st_size for p in (out / "shards").glob("*.nq"))
    print(f"N-Quads shards, {args.shards} documents each: {shards['shards']} files, {written / 1e6:.0f} MB in "
          f"{shards['seconds']:.1f} s, peak RSS {shards['peak_kb'] / 1024:.0f} MB")


def _run(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])


if __name__ == "__main__":
    main()
