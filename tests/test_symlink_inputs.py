"""Symbolic links among the inputs: a link that loops or leads nowhere is one more input that cannot be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from councilgraph.cli import main


def _loop_to_itself(folder: Path) -> list[str]:
    (folder / "loop.txt").symlink_to("loop.txt")
    return [str(folder / "loop.txt")]


def _loop_of_two(folder: Path) -> list[str]:
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    return [str(folder / "a.txt")]


def _through_a_looping_folder(folder: Path) -> list[str]:
    (folder / "dir").symlink_to("dir")
    return [str(folder / "dir" / "release.txt")]


def _loop_inside_a_given_folder(folder: Path) -> list[str]:
    inputs = folder / "inputs"
    inputs.mkdir()
    (inputs / "loop.txt").symlink_to("loop.txt")
    return [str(inputs)]


@pytest.mark.parametrize("make", [_loop_to_itself, _loop_of_two, _through_a_looping_folder,
                                  _loop_inside_a_given_folder],
                         ids=["ln -s loop loop", "a -> b -> a", "loop/release.txt", "loop in a folder"])
def test_looping_link_is_a_failed_input_and_the_others_build(tmp_path: Path, seed_path: Path, make) -> None:
    given = tmp_path / "given"
    given.mkdir()
    inputs = make(given)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", *inputs, str(seed_path), "--out", str(out), "-j", "1"])
    assert "Traceback" not in result.output and not isinstance(result.exception, RuntimeError), result.output
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "symbolic links" in errors[0], result.output
    assert errors[0].startswith(f"error: {given}")
    assert "1 document(s) built, 0 unchanged, 1 failed" in result.output
    assert "symbolic links" in (out / "failures.tsv").read_text("utf-8")
    assert (out / "graph.ttl").exists()


def test_folder_linking_to_itself_is_searched_once(tmp_path: Path, seed_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(seed_path, inputs / seed_path.name)
    (inputs / "again").symlink_to("..")  # a directory loop: followed, it would never end
    result = CliRunner().invoke(main, ["build", str(inputs), "--out", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "1 document(s) built, 0 unchanged, 0 failed" in result.output
