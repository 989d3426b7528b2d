"""`councilgraph build` writes the store; `query` and `tables` read it (click's CliRunner, real files)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from councilgraph.cli import TABLES, main


@pytest.fixture(scope="module")
def built(tmp_path_factory, seed_path: Path) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def _query(*args: str):
    return CliRunner().invoke(main, ["query", *args])


def test_build_writes_store_ontology_and_shapes_and_leaves_no_staging(built: Path) -> None:
    assert (built / "store" / "CURRENT").is_file()
    assert (built / "ontology.ttl").read_bytes().startswith(b"@prefix cg: <https://w3id.org/councilgraph/ontology#>")
    assert b"sh:NodeShape" in (built / "shapes.ttl").read_bytes()
    assert [p.name for p in built.iterdir() if p.name.startswith(".")] == [".councilgraph"]  # fragments only


def test_shipped_ontology_and_shapes_parse(built: Path) -> None:
    from rdflib import Graph

    assert len(Graph().parse(built / "ontology.ttl")) > 100
    assert len(Graph().parse(built / "shapes.ttl")) > 100


def test_rebuilding_replaces_the_store(built: Path, seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "again"
    for _ in range(2):
        assert CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "-q"]).exit_code == 0
    result = _query("--store", str(out), "SELECT (COUNT(?s) AS ?n) WHERE { ?s a cg:Statement }", "--format", "csv")
    assert result.output.splitlines() == ["n", "71"]


def test_named_query_with_a_parameter(built: Path) -> None:
    result = _query("--store", str(built), "--name", "alignments", "--param", "group=European Union",
                    "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.output.splitlines()))
    assert [r["delegation"] for r in rows][:3] == ["Sweden", "France", "Ireland"] and len(rows) == 10


def test_query_accepts_the_build_folder_or_the_store_and_a_query_file(built: Path, tmp_path: Path) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text("ASK { ?r cg:symbol 'S/RES/2388 (2017)' }", encoding="utf-8")
    for store in (built, built / "store"):
        result = _query("--store", str(store), "--file", str(rq), "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["boolean"] is True


def test_table_output(built: Path) -> None:
    result = _query("-s", str(built), "-n", "votes")
    assert result.exit_code == 0
    assert "S/RES/2388 (2017)" in result.output and result.output.endswith("(1 row)\n")


def test_construct_as_turtle(built: Path) -> None:
    result = _query("-s", str(built), "CONSTRUCT { ?i rdfs:label ?l } WHERE { ?i a cg:Instrument ; rdfs:label ?l }",
                    "--format", "turtle")
    assert result.exit_code == 0
    assert "@prefix rdfs:" in result.output and "Palermo" not in result.output  # labels are official titles
    assert result.output.count(" rdfs:label ") == 11


@pytest.mark.parametrize(("args", "code", "message"), [
    (["SELECT ?x WHERE {\n ?x ?y }"], 1, "error: the query does not parse: error at 2:"),
    (["--name", "nonsense"], 2, "no query named 'nonsense'; the named queries are: alignments"),
    ([], 2, "give exactly one of"),
    (["--name", "votes", "SELECT * {}"], 2, "give exactly one of"),
    (["--name", "votes", "--param", "novalue"], 2, "is not NAME=VALUE"),
    (["--name", "votes", "--param", "nothing=1"], 1, "cannot bind ?nothing"),
    (["--name", "votes", "--format", "turtle"], 2, "for CONSTRUCT and DESCRIBE"),
], ids=["syntax-error", "unknown-name", "no-query", "two-queries", "bad-param", "unbound-param", "wrong-format"])
def test_query_errors_are_one_line_with_exit_status(built: Path, args: list[str], code: int, message: str) -> None:
    result = _query("--store", str(built), *args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_query_on_a_folder_without_a_store(tmp_path: Path) -> None:
    result = _query("--store", str(tmp_path), "ASK {}")
    assert result.exit_code == 1
    assert "is not a councilgraph store (run `councilgraph build --out DIR` first)" in result.output


def test_list_names_every_query() -> None:
    result = _query("--list")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()][:3] == ["alignments", "citations", "cited-by"]
    assert len(result.output.splitlines()) >= 10


def test_tables_write_one_csv_per_table(built: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["tables", str(built), "--out", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    with open(tmp_path / "t" / "statements.csv", newline="", encoding="utf-8") as fh:
        statements = list(csv.DictReader(fh))
    assert len(statements) == 71 and statements[0]["speaker"] == "ANTÓNIO GUTERRES"
    assert "statements.csv: 71 rows" in result.output


def test_tables_default_to_a_folder_in_the_build(built: Path) -> None:
    result = CliRunner().invoke(main, ["tables", str(built), "-q"])
    assert result.exit_code == 0 and result.output == ""
    assert (built / "tables" / "votes.csv").read_text(encoding="utf-8").startswith("document,adopted,meeting")
