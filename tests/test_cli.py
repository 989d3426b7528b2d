"""The command line, through click's CliRunner, on real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from councilgraph.cli import main

RELEASES = Path(__file__).resolve().parent / "data" / "releases"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_build_seed_writes_turtle_and_nquads(tmp_path: Path, seed_path: Path) -> None:
    result = _run("build", str(seed_path), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(
        "SC-13081.txt: SC/13081, 71 statements, 19 alignments, ")
    assert " citations, " in result.output.splitlines()[0]
    # Botswana twice, Libya unlisted, 2661 twice: findings, reported again by validation as warnings
    assert result.output.splitlines()[0].endswith(" triples, 4 findings; 0 violations, 4 warnings, 0 infos")
    assert (tmp_path / "graph.ttl").stat().st_size > 0
    assert (tmp_path / "graph.nq").stat().st_size > 0


def test_build_folder_and_glob(tmp_path: Path) -> None:
    result = _run("build", str(RELEASES), "--out", str(tmp_path / "a"), "--quiet")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    pattern = str(RELEASES / "sc-*.txt")
    result = _run("build", pattern, "--out", str(tmp_path / "b"))
    assert result.exit_code == 0, result.output
    assert "7 document(s) built, 0 unchanged, 0 failed" in result.output


def test_format_option_selects_exporters(tmp_path: Path, seed_path: Path) -> None:
    result = _run("build", str(seed_path), "--out", str(tmp_path), "--format", "nquads")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [".councilgraph", "failures.tsv", "graph.nq", "manifest.json",
                                                          "ontology.ttl", "shapes.ttl", "store", "validation.md",
                                                          "validation.ttl"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "file is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "looks binary"),
    ("latin1.txt", "8111th Meeting (AM)\nSC/1\n\nCaf\u00e9 au lait".encode("latin-1"), "not valid UTF-8"),
    ("letter.txt", b"Dear colleague,\n\nThanks for the minutes.\n", "neither a press release"),
    ("cut.txt", b"8111th Meeting (AM)\nSC/13081\n", "truncated"),
])
def test_bad_input_gets_one_line_and_others_still_build(tmp_path: Path, seed_path: Path, name: str,
                                                        content: bytes, message: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = _run("build", str(bad), str(seed_path), "--out", str(out))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {bad}: ")
    assert message in errors[0]
    assert "Traceback" not in result.output
    assert "1 document(s) built, 0 unchanged, 1 failed" in result.output
    assert (out / "graph.ttl").exists()


def test_missing_file_is_reported(tmp_path: Path, seed_path: Path) -> None:
    result = _run("build", str(tmp_path / "nope.txt"), str(seed_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nope.txt'}: no such file" in result.output


def test_failed_build_leaves_previous_output_intact(tmp_path: Path, seed_path: Path) -> None:
    out = tmp_path / "out"
    assert _run("build", str(seed_path), "--out", str(out)).exit_code == 0
    before = (out / "graph.ttl").read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _run("build", str(empty), "--out", str(out))
    assert result.exit_code == 1
    assert "empty.txt: file is empty" in result.output
    assert (out / "graph.ttl").read_bytes() == before  # the seed is still there: inputs add up across builds
    assert (out / "failures.tsv").read_text(encoding="utf-8").endswith("empty.txt\tfile is empty\n")
    result = _run("build", str(empty), "--out", str(tmp_path / "new"))
    assert result.exit_code == 1
    assert "0 document(s) built, 1 failed; nothing written" in result.output
    assert not (tmp_path / "new" / "graph.ttl").exists()


def test_rebuild_is_byte_identical(tmp_path: Path, seed_path: Path) -> None:
    copy = tmp_path / "SC-13081.txt"
    shutil.copy(seed_path, copy)
    for out in ("a", "b"):
        assert _run("build", str(copy), "--out", str(tmp_path / out), "-q").exit_code == 0
    for name in ("graph.ttl", "graph.nq"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _run("build", "--out", str(tmp_path)).exit_code == 2  # no INPUT
    assert _run("build", str(tmp_path / "*.none"), "--out", str(tmp_path)).exit_code == 1
    assert _run("build", str(tmp_path), "--out", str(tmp_path / "o")).exit_code == 2  # empty folder
    assert _run("build", "x.txt", "--out", str(tmp_path), "--format", "pdf").exit_code == 2


@pytest.mark.parametrize("command", [[], ["build"]])
def test_help_everywhere(command: list[str]) -> None:
    result = _run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if command:
        assert "--out" in result.output and "--format" in result.output and "--quiet" in result.output


def test_version() -> None:
    result = _run("--version")
    assert result.exit_code == 0 and "councilgraph" in result.output


def test_same_symbol_twice(tmp_path: Path, seed_path: Path) -> None:
    same = tmp_path / "copy.txt"
    shutil.copy(seed_path, same)
    result = _run("build", str(seed_path), str(same), "--out", str(tmp_path / "a"))
    assert result.exit_code == 0, result.output
    assert "skipped, same content as SC-13081.txt" in result.output
    edited = tmp_path / "edited.txt"
    edited.write_text(seed_path.read_text("utf-8").replace("TEKEDA ALEMU", "TEKEDA ALEMU GEBRE"), "utf-8")
    result = _run("build", str(seed_path), str(edited), "--out", str(tmp_path / "b"))
    assert result.exit_code == 1
    assert f"error: {edited}: document SC/13081 was already built from SC-13081.txt" in result.output


def test_unwritable_output_gets_one_line_and_keeps_previous_files(tmp_path: Path, seed_path: Path) -> None:
    out = tmp_path / "out"
    assert _run("build", str(RELEASES / "sc-observers.txt"), "--out", str(out), "-f", "turtle").exit_code == 0
    before = (out / "graph.ttl").read_bytes()
    (out / "graph.nq").mkdir()  # something in the way of one of the two files
    result = _run("build", str(seed_path), "--out", str(out))
    assert result.exit_code == 1
    assert "error: cannot write the output" in result.output
    assert "Traceback" not in result.output
    assert (out / "graph.ttl").read_bytes() == before  # neither file replaced
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_formats_not_built_are_not_left_stale(tmp_path: Path, seed_path: Path) -> None:
    assert _run("build", str(seed_path), "--out", str(tmp_path)).exit_code == 0
    assert _run("build", str(seed_path), "--out", str(tmp_path), "-f", "turtle").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".councilgraph", "failures.tsv", "graph.ttl", "manifest.json",
                                                          "ontology.ttl", "shapes.ttl", "store", "validation.md",
                                                          "validation.ttl"]


def test_progress_passes_every_item_through_in_each_phase(capsys: pytest.CaptureFixture[str]) -> None:
    from councilgraph.batch import Outcome
    from councilgraph.cli import _progress

    outcomes = [Outcome("a.txt", "1"), Outcome("b.txt", "", error="not a press release")]
    assert list(_progress(iter(outcomes), 2, "Building")) == outcomes
    assert list(_progress(iter(["k1", "k2", "k3"]), 3, "Storing")) == ["k1", "k2", "k3"]
    shown = capsys.readouterr().err
    assert "Building" in shown and "Storing" in shown


LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"


def test_release_without_symbol_or_end_builds_with_its_findings(tmp_path: Path) -> None:
    """A page that shows no symbol gets an IRI from its file name; a page cut short builds what it has.
    Both say so as warnings, and neither violates the shapes."""
    result = _run("build", str(LAYOUTS / "headline-only-2015.txt"), str(LAYOUTS / "truncated-2009.txt"),
                  "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "headline-only-2015.txt: file/headline-only-2015-064c62de, 1 statements" in result.output
    assert "2 findings; 0 violations, 2 warnings" in result.output
    assert "truncated-2009.txt: SC/9690" in result.output and "1 findings; 0 violations, 1 warning" in result.output
    turtle = (tmp_path / "graph.ttl").read_text("utf-8")
    assert "<https://w3id.org/councilgraph/id/doc/file-headline-only-2015-064c62de> a cg:PressRelease" in turtle
    assert turtle.count("cg:findingKind cg:TextEndsEarly") == 2 and turtle.count("cg:findingKind cg:MissingSymbol") == 1
    assert 'cg:issued "2009-06-26"^^xsd:date' in turtle
