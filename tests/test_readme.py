"""The README shows real commands and real output (docs drift is a bug)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from councilgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert blocks[0] == ("pip install -e . && councilgraph build examples/SC-13081.txt --out out/ && "
                         "councilgraph viz out/")
    assert blocks[1] == "pip install -e '.[test,dask]' && python3 -m pytest -q"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert ci.rstrip().splitlines()[-1] == "python3 -m pytest -q"
    assert "pip install --quiet -e '.[test,dask]'" in ci  # the extras of the README's command: Dask's tests run


def test_readme_build_output_is_real(tmp_path: Path, seed_path: Path) -> None:
    shown = re.search(r"\$ councilgraph build examples/SC-13081.txt --out out/\n(.*?)\n```", README, re.S)
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert shown.group(1).splitlines()[0] == result.output.splitlines()[0]


def test_readme_sparql_examples_answer_on_the_seed(seed_path: Path) -> None:
    from rdflib import Graph

    from councilgraph.pipeline import build_path

    graph = Graph()
    for triple in build_path(seed_path).graph.triples:
        graph.add(triple)
    queries = re.findall(r"```sparql\n(.*?)\n```", README, re.S)
    assert len(queries) == 2
    answers = [list(graph.query(q)) for q in queries]
    assert [(int(r[0]), str(r[1])) for r in answers[0]][:2] == [(6, "Sweden"), (9, "France")]
    assert len(answers[1]) >= 10  # who cites resolution 2331 (2016)


def _shown(command: str) -> list[str]:
    """The lines the README shows after ``$ command``, up to the next prompt or the end of the block."""
    match = re.search(re.escape(f"$ {command}") + r"\n(.*?)(?:\n\$ |\n```)", README, re.S)
    assert match, command
    return match.group(1).splitlines()


def test_readme_query_outputs_are_real(tmp_path: Path, seed_path: Path) -> None:
    assert CliRunner().invoke(main, ["build", str(seed_path), "--out", str(tmp_path), "-q"]).exit_code == 0
    listed = CliRunner().invoke(main, ["query", "--list"]).output.splitlines()
    assert _shown("councilgraph query --list") == listed
    table = CliRunner().invoke(main, ["query", "--store", str(tmp_path), "--name", "most-cited-resolutions"])
    assert _shown("councilgraph query --name most-cited-resolutions | head -5") == table.output.splitlines()[:5]
    tables = CliRunner().invoke(main, ["tables", str(tmp_path)]).output.replace(str(tmp_path), "out")
    assert _shown("councilgraph tables out/") == tables.splitlines()
    viz = CliRunner().invoke(main, ["viz", str(tmp_path)]).output.replace(str(tmp_path), "out")
    assert _shown("councilgraph viz out/") == viz.splitlines()
