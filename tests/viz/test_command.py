"""`councilgraph viz DIR`: writes the page and figures of a build, with clear errors and exit statuses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from councilgraph.viz.command import OUTPUTS, viz, viz_command


@pytest.fixture
def build_dir(tmp_path: Path, seed_build: Path) -> Path:
    """A fresh folder holding only the seed's citations.json and manifest.json (the build the page records)."""
    folder = tmp_path / "out"
    folder.mkdir()
    shutil.copy(seed_build / "citations.json", folder / "citations.json")
    shutil.copy(seed_build / "manifest.json", folder / "manifest.json")
    return folder


def _group() -> click.Group:
    """A command group like the project's main one, with `viz` registered as cli.py does."""

    @click.group()
    def main() -> None:
        """Test group."""

    main.add_command(viz_command)
    return main


def test_viz_writes_the_three_files_and_says_so(build_dir: Path, seed_build: Path) -> None:
    result = CliRunner().invoke(_group(), ["viz", str(build_dir)])
    assert result.exit_code == 0, result.output
    written = [build_dir / name for name in OUTPUTS]
    assert result.output == (f"31 documents, 63 citations; wrote {written[0]}, {written[1]}, {written[2]}\n")
    for path in written:
        assert path.read_bytes() == (seed_build / path.name).read_bytes()  # same bytes as the earlier run
    assert sorted(p.name for p in build_dir.iterdir()) == sorted(["citations.json", "manifest.json",
                                                                  *OUTPUTS])  # no temp files


def test_viz_quiet_and_out(build_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "figures"
    result = CliRunner().invoke(viz, [str(build_dir), "--out", str(target), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert sorted(p.name for p in target.iterdir()) == sorted(OUTPUTS)
    assert sorted(p.name for p in build_dir.iterdir()) == ["citations.json", "manifest.json"]


def test_viz_replaces_older_outputs(build_dir: Path) -> None:
    for name in OUTPUTS:
        (build_dir / name).write_text("old")
    result = CliRunner().invoke(viz, [str(build_dir), "-q"])
    assert result.exit_code == 0, result.output
    assert all((build_dir / name).read_bytes() != b"old" for name in OUTPUTS)


@pytest.mark.parametrize("content", [None, "", "{not json", "[1, 2]", '{"nodes": [], "edges": 3}',
                                     '{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b"}]}',
                                     b"\xff\xfe\x00"])
def test_missing_or_unreadable_citations_json_exits_1(tmp_path: Path, content: str | bytes | None) -> None:
    if isinstance(content, bytes):
        (tmp_path / "citations.json").write_bytes(content)
    elif content is not None:
        (tmp_path / "citations.json").write_text(content)
    result = CliRunner().invoke(viz, [str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1  # one line
    assert result.output.startswith(f"error: {tmp_path / 'citations.json'}: ")
    assert result.output.rstrip().endswith("run councilgraph build first")
    assert not any((tmp_path / name).exists() for name in OUTPUTS)


def test_missing_folder_and_folder_in_place_of_citations_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(viz, [str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "no such file; run councilgraph build first" in result.output
    (tmp_path / "citations.json").mkdir()
    result = CliRunner().invoke(viz, [str(tmp_path)])
    assert result.exit_code == 1 and "is a directory; run councilgraph build first" in result.output


def test_unwritable_output_exits_1(build_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = CliRunner().invoke(viz, [str(build_dir), "--out", str(blocker / "sub")])
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot write the visualisations in ") and result.output.count("\n") == 1


@pytest.mark.parametrize("args", [[], ["--bogus"], ["a", "b"], ["--out"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert CliRunner().invoke(viz, args).exit_code == 2


def test_dir_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "citations.json"
    path.write_text(json.dumps({"nodes": [], "links": []}))
    result = CliRunner().invoke(viz, [str(path)])
    assert result.exit_code == 2 and "is a file" in result.output


def test_help(build_dir: Path) -> None:
    result = CliRunner().invoke(_group(), ["viz", "--help"])
    assert result.exit_code == 0
    for name in ("DIR", "--out", "--quiet", "citations.html", "citations.svg", "citations.png",
                 "councilgraph build"):
        assert name in result.output
    assert CliRunner().invoke(viz, ["-h"]).exit_code == 0


def test_command_module_does_not_load_matplotlib() -> None:
    import subprocess
    import sys

    code = "import sys, councilgraph.viz.command; print('matplotlib' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"  # registering the command keeps `councilgraph --help` fast
