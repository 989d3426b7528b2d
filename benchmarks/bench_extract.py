"""Benchmark: CPU time of extraction (text -> records) per document, on the seed and on synthetic releases.

Extraction is the largest stage of a build (see README "Performance"). This times
``extract_press_release`` alone, in one process, with CPU time (``time.process_time``: the
machine is shared, and the wall clock counts the neighbours): the seed repeated, and N
releases from ``benchmarks/synthetic.py``. Each figure is the best of ``--repeats`` passes
after a warm-up (the reference tables and the gazetteer are built once per process, as in a
build's warm workers), and the synthetic releases' time is split by the stages of
``extract_press_release`` (the functions it calls, timed where it calls them). Not a test: the figures depend on the machine. From the repository root:

    python3 benchmarks/bench_extract.py --documents 200

With ``--baseline-commit SHA`` it also times the code of that commit (checked out in a
temporary git worktree), each code in a fresh process, alternately ``--rounds`` times, on the
same documents, and prints the ratio measured side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import alternating, baseline_and_this_code  # noqa: E402 - beside this script
from synthetic import SEED, write_archive  # noqa: E402 - the generator sits beside this script

# The stages of extract_press_release, by the name it calls each by; the time left over is the release's own.
STAGES = (("segment", "segment"), ("acronyms", "learned_acronyms"), ("statements", "extract_statements"),
          ("alignments", "extract_alignments"), ("participants", "extract_participants"),
          ("resolution texts", "resolutions_in_release"), ("votes", "votes_in_release"),
          ("citations, mentions", "cite_and_mention"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", "-n", type=int, default=200, help="synthetic releases (default 200)")
    parser.add_argument("--repeats", type=int, default=3, help="passes over the documents; the best counts (default 3)")
    parser.add_argument("--baseline-commit", metavar="SHA", help="also time this commit's code, side by side")
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs of each code (default 3)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # one side, in a process of its own
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeats)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        write_archive(args.documents, archive)
        figures = measure(archive, args.repeats)
        print(f"extraction, CPU per document, best of {args.repeats} passes:")
        print(f"  seed (SC-13081, {SEED.stat().st_size / 1000:.0f} KB): {figures['seed']:.1f} ms")
        print(f"  {args.documents} synthetic releases ({figures['bytes'] / args.documents / 1000:.0f} KB on average): "
              f"{figures['synthetic']:.1f} ms, of which " + ", ".join(
                  f"{stage} {figures[stage]:.1f}" for stage in (*(name for name, _ in STAGES), "other")))
        if args.baseline_commit:
            side_by_side(archive, args.baseline_commit, args.rounds, args.repeats, Path(tmp))


def measure(archive: Path, repeats: int) -> dict[str, float]:
    """Milliseconds of CPU per document, seed and synthetic (in all and by stage), with the councilgraph on the
    path."""
    from councilgraph.extract import press_release
    from councilgraph.extract.read import read_source

    spent = {name: 0.0 for name, _ in STAGES}
    for name, function in STAGES:
        if hasattr(press_release, function):  # an older or newer release may call its stages otherwise: 0
            setattr(press_release, function, _timed(getattr(press_release, function), spent, name))
    seed = read_source(SEED)
    releases = [read_source(path) for path in sorted(archive.glob("*.txt"))]
    press_release.extract_press_release(seed)  # warm-up: reference tables, gazetteer, compiled patterns

    def best(documents: list) -> tuple[float, dict[str, float]]:
        """The fastest pass, in ms per document, and its stages."""
        passes = []
        for _ in range(repeats):
            spent.update(dict.fromkeys(spent, 0.0))
            started = time.process_time()
            for source in documents:
                press_release.extract_press_release(source)
            total = time.process_time() - started
            passes.append((total, {name: seconds * 1000 / len(documents) for name, seconds in spent.items()}))
        total, stages = min(passes, key=lambda p: p[0])
        return total * 1000 / len(documents), stages

    seed_ms, _ = best([seed] * 10)
    synthetic_ms, stages = best(releases)
    return {"seed": seed_ms, "synthetic": synthetic_ms, **stages, "other": synthetic_ms - sum(stages.values()),
            "bytes": float(sum(len(source.text.encode("utf-8")) for source in releases))}


def _timed(function: Callable[..., Any], spent: dict[str, float], name: str) -> Callable[..., Any]:
    """``function``, adding the CPU time of each call to ``spent[name]``."""
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started
    return timed


def side_by_side(archive: Path, commit: str, rounds: int, repeats: int, tmp: Path) -> None:
    """Time ``commit``'s code and this code alternately, each in a fresh process; print both and the ratio."""
    with baseline_and_this_code(commit, tmp / "baseline") as codes:
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
        for name in alternating(codes, rounds):
            env = {**os.environ, "PYTHONPATH": codes[name]}
            result = subprocess.run([sys.executable, __file__, "--measure", str(archive), "--repeats",
                                     str(repeats)], env=env, capture_output=True, text=True, check=True)
            runs[name].append(json.loads(result.stdout.splitlines()[-1]))
        print(f"\nside by side, {rounds} alternating run(s) of each, fresh processes, medians (ms CPU per document):")
        kinds = ("seed", "synthetic", *(name for name, _ in STAGES), "other")
        medians = {name: {kind: statistics.median(r[kind] for r in results) for kind in kinds}
                   for name, results in runs.items()}
        for name, results in runs.items():
            each = ", ".join(f"{r['synthetic']:.1f}" for r in results)
            print(f"  {name:<21} seed {medians[name]['seed']:.1f}, synthetic {medians[name]['synthetic']:.1f}"
                  f" (each run: {each})")
        base, new = medians.values()
        print("  synthetic, by stage:   " + ", ".join(f"{kind} {base[kind]:.1f} -> {new[kind]:.1f}"
                                                    for kind in kinds[2:]))
        print(f"  ratio (baseline / this code): seed {base['seed'] / new['seed']:.2f} x, "
              f"synthetic {base['synthetic'] / new['synthetic']:.2f} x")


if __name__ == "__main__":
    main()
