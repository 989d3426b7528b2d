"""The archive benchmark runs end to end on a tiny archive and prints every figure it promises."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_prints_throughput_memory_by_phase_stages_rebuild_and_queries(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_archive.py"), "--documents", "4",
                             "--jobs", "2", "--rdflib-documents", "2", "--work", str(tmp_path)],
                            capture_output=True, text=True, timeout=300, check=True)
    out = result.stdout
    assert re.search(r"4 documents, [\d,]+ triples in [\d.]+ s: [\d.]+ documents/s", out)
    assert re.search(r"peak memory \(PSS\), all processes together: \d+ MB \(building \d+, writing \d+\)", out)
    if Path("/proc/vmstat").exists():  # whether the build had to reclaim memory, which makes runs incomparable
        assert re.search(r"the machine's memory: [\d.]+ GB free before the build; pages the kernel reclaimed inside "
                         r"allocating processes during it \(direct reclaim\): [\d,]+\n", out)
    for stage in ("read", "extract", "map", "validate", "serialise", "write files"):
        assert re.search(rf"\n    {stage} +[\d.]+ ms", out), stage
    # The build leaves the store to its first reader: that load is measured and shown on its own.
    assert re.search(r"the store, loaded by the first query after the build \(once\): 4 documents in [\d.]+ s, "
                     r"[\d.]+ ms CPU per document; peak memory \(PSS\) \d+ MB", out)
    assert "unchanged rebuild: 4 documents checked" in out and "0 files rewritten" in out
    assert re.search(r"'most-cited-resolutions' on the store \(4 documents, [\d,]+ quads\): median \d+ ms", out)
    assert re.search(r"rdflib on 2 documents .* median \d+ ms", out)


@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None, reason="needs the git checkout")
def test_benchmark_measures_a_baseline_commit_side_by_side(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_archive.py"), "--documents", "2",
                             "--jobs", "1", "--rdflib-documents", "1", "--work", str(tmp_path),
                             "--baseline-commit", "HEAD", "--rounds", "1"],
                            capture_output=True, text=True, timeout=300, check=True)
    out = result.stdout
    assert re.search(r"baseline HEAD +2 documents, [\d,]+ triples: [\d.]+ documents/s, \d+ ms CPU", out)
    assert re.search(r"this code +2 documents, [\d,]+ triples: [\d.]+ documents/s, \d+ ms CPU", out)
    assert re.search(r"then the first query's store load: [\d.]+ s, \d+ ms CPU per document; build and load "
                     r"together: [\d.]+ documents/s, \d+ ms CPU per document", out)
    assert re.search(r"ratio: [\d.]+ x the baseline's documents/s; CPU per document [\d.]+ x", out)
    # The temporary worktree of the baseline is gone again.
    listed = subprocess.run(["git", "-C", str(ROOT), "worktree", "list"], capture_output=True, text=True, check=True)
    assert str(tmp_path) not in listed.stdout
