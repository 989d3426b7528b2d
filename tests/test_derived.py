"""The page, figures and tables made from a build record which build; a rebuild says which ones it left stale.

Real builds of real files, the real `viz` and `tables` commands, a real change of an input.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from councilgraph.cli import main
from councilgraph.derived import PAGE_FILES, build_stamp, stale_outputs, stamp_of


def _run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def _notes(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("note:")]


def test_derived_files_carry_the_build_and_a_rebuild_names_the_stale_ones(tmp_path: Path, seed_path: Path) -> None:
    release = tmp_path / "inputs" / seed_path.name
    release.parent.mkdir()
    shutil.copy(seed_path, release)
    out = tmp_path / "out"
    assert _run("build", str(release), "--out", str(out), "-j", "1").exit_code == 0
    assert _run("viz", str(out), "-q").exit_code == 0
    assert _run("tables", str(out), "-q").exit_code == 0
    first = build_stamp(out)
    assert first == f"manifest.json sha256 {hashlib.sha256((out / 'manifest.json').read_bytes()).hexdigest()}"
    page = (out / "citations.html").read_text("utf-8")
    assert f'<meta name="councilgraph-build" content="{first}">' in page.split("</head>")[0]
    assert all(stamp_of(out / name) == first for name in [*PAGE_FILES, "tables/build.stamp"])
    assert stale_outputs(out) == []

    unchanged = _run("build", str(release), "--out", str(out), "-j", "1")  # writes nothing: still current
    assert unchanged.exit_code == 0 and "up to date" in unchanged.output and _notes(unchanged.output) == []

    text = release.read_text("utf-8")
    release.write_text(text.replace("trafficking", "trafficking in persons", 1), "utf-8")  # a corrected release
    rebuilt = _run("build", str(release), "--out", str(out), "-j", "1")
    assert rebuilt.exit_code == 0 and "1 document(s) built" in rebuilt.output
    assert build_stamp(out) != first
    assert _notes(rebuilt.output) == [
        f"note: citations.html, citations.svg, citations.png, tables/ in {out} show an earlier build; "
        f"remake with councilgraph viz {out} and councilgraph tables {out}"]

    assert _run("viz", str(out), "-q").exit_code == 0
    assert stale_outputs(out) == ["tables/"]
    assert _run("tables", str(out), "-q").exit_code == 0
    assert stale_outputs(out) == []
    again = _run("build", str(release), "--out", str(out), "-j", "1")
    assert _notes(again.output) == []


def test_files_of_an_unknown_build_count_as_stale(tmp_path: Path, seed_path: Path) -> None:
    """A page made before stamps existed, or copied from elsewhere, cannot vouch for this build."""
    out = tmp_path / "out"
    assert _run("build", str(seed_path), "--out", str(out), "-j", "1").exit_code == 0
    (out / "citations.html").write_text("<!DOCTYPE html><title>an old page</title>", "utf-8")
    (out / "tables").mkdir()
    (out / "tables" / "statements.csv").write_text("statement\n", "utf-8")
    assert stale_outputs(out) == ["citations.html", "tables/"]


def test_a_page_drawn_without_a_build_has_no_stamp(tmp_path: Path, seed_path: Path) -> None:
    out = tmp_path / "out"
    assert _run("build", str(seed_path), "--out", str(out), "-j", "1", "-f", "json").exit_code == 0
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(out / "citations.json", alone)
    assert _run("viz", str(alone), "-q").exit_code == 0
    assert build_stamp(alone) is None and stamp_of(alone / "citations.html") is None
    assert not re.search(rb"manifest\.json sha256", (alone / "citations.png").read_bytes())
