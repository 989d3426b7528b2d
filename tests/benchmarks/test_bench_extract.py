"""The extraction benchmark runs on a tiny archive and prints every figure it promises."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None, reason="needs the git checkout")
def test_extraction_benchmark_prints_both_corpora_and_the_side_by_side_ratio() -> None:
    def worktrees() -> list[str]:
        listed = subprocess.run(["git", "-C", str(ROOT), "worktree", "list"], capture_output=True, text=True,
                                check=True)
        return listed.stdout.splitlines()

    before = worktrees()
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_extract.py"), "--documents", "2",
                             "--repeats", "1", "--baseline-commit", "HEAD", "--rounds", "1"],
                            capture_output=True, text=True, timeout=300, check=True)
    out = result.stdout
    assert re.search(r"seed \(SC-13081, \d+ KB\): [\d.]+ ms", out)
    assert re.search(r"2 synthetic releases \(\d+ KB on average\): [\d.]+ ms, of which segment [\d.]+, "
                     r"acronyms [\d.]+, .*citations, mentions [\d.]+, other -?[\d.]+", out)
    assert re.search(r"baseline HEAD +seed [\d.]+, synthetic [\d.]+ \(each run: [\d.]+\)", out)
    assert re.search(r"this code +seed [\d.]+, synthetic [\d.]+", out)
    assert re.search(r"synthetic, by stage: +segment [\d.]+ -> [\d.]+, .*other -?[\d.]+ -> -?[\d.]+", out)
    assert re.search(r"ratio \(baseline / this code\): seed [\d.]+ x, synthetic [\d.]+ x", out)
    assert worktrees() == before  # the baseline's temporary worktree is gone again
