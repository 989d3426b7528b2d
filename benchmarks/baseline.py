"""The code of an earlier commit beside this code, for benchmarks that measure a speed-up side by side.

``bench_archive.py`` and ``bench_extract.py`` run the same measurement with both codes, each in a
fresh process that imports ``councilgraph`` from the path given here, alternately, so that neither
always goes first on a machine whose load changes.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["alternating", "baseline_and_this_code"]


@contextmanager
def baseline_and_this_code(commit: str, folder: Path) -> Iterator[dict[str, str]]:
    """{label: import path} of ``commit``'s code (checked out in a temporary git worktree in ``folder``, removed
    afterwards) and of this code, baseline first."""
    repository = Path(__file__).resolve().parent.parent
    tree, path = folder / "tree", folder / "path"
    subprocess.run(["git", "-C", str(repository), "worktree", "add", "--detach", "--quiet", str(tree), commit],
                   check=True)
    try:
        path.mkdir()
        (path / "councilgraph").symlink_to(tree)  # the repository is the package
        this_code = str(Path(sys.modules["councilgraph"].__file__ or "").parent.parent)  # not resolved: a link
        yield {f"baseline {commit[:12]}": str(path), "this code": this_code}
    finally:
        subprocess.run(["git", "-C", str(repository), "worktree", "remove", "--force", str(tree)], check=False)


def alternating(codes: dict[str, str], rounds: int) -> Iterator[str]:
    """The labels of ``codes`` in order, ``rounds`` times, each round in the other order: neither always goes first."""
    for round_ in range(rounds):
        yield from (codes if round_ % 2 == 0 else reversed(list(codes)))
