"""`councilgraph build` names the store; `query` and `tables` load it once and read it (click's CliRunner, real
files)."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from councilgraph.cli import TABLES, main
from councilgraph.output import CACHE_DIR, LOCK, locked

PALERMO = ("Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, "
           "supplementing the United Nations Convention against Transnational Organized Crime")


@pytest.fixture(scope="module")
def built(tmp_path_factory, seed_path: Path) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def _query(*args: str):
    return CliRunner().invoke(main, ["query", *args])


def test_build_names_the_store_and_the_first_query_loads_it(seed_path: Path, tmp_path: Path) -> None:
    """The README's flow, build then query, with no command between: the query loads the store (once)."""
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "-q"]).exit_code == 0
    generation = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["store"]
    assert generation and not (out / "store" / generation).exists()  # named, not loaded by the build
    for _ in range(2):
        result = _query("--store", str(out), "SELECT (COUNT(?s) AS ?n) WHERE { ?s a cg:Statement }", "--format", "csv")
        assert result.exit_code == 0 and result.output.splitlines() == ["n", "71"], result.output
        assert (out / "store" / generation / "CURRENT").is_file()  # the store the manifest names
    assert [p.name for p in (out / "store").iterdir()] == [generation]
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".councilgraph"]  # no staging left


def test_build_writes_ontology_and_shapes_and_leaves_no_staging(built: Path) -> None:
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
    (["--name", "votes", "--param", "nothing=1"], 2, "votes has no parameter 'nothing'; votes takes no parameters"),
    (["--name", "speakers", "--param", "order=1"], 2, "speakers has no parameter 'order'; speakers takes meetingNumber"),
    (["--name", "speakers", "--param", "meetingNumber=abc"], 2,
     "meetingNumber must be a meeting number, such as 8111 (speakers takes meetingNumber)"),
    (["--name", "speakers", "-p", "meetingNumber=8111", "-p", "meetingNumber=8112"], 2,
     "--param meetingNumber is given twice"),
    (["--name", "provenance", "--param", "fact=<not an IRI>"], 2, "fact must be an IRI"),
    (["SELECT ?x WHERE { ?x ?y ?z }", "-p", "x=1", "-p", "x=2"], 2, "--param x is given twice"),
    (["--name", "votes", "--format", "turtle"], 2, "for CONSTRUCT and DESCRIBE"),
], ids=["syntax-error", "unknown-name", "no-query", "two-queries", "bad-param", "unknown-param", "unknown-param-2",
        "bad-meeting-number", "repeated-param", "bad-iri", "repeated-param-own-query", "wrong-format"])
def test_query_errors_are_one_line_with_exit_status(built: Path, args: list[str], code: int, message: str) -> None:
    result = _query("--store", str(built), *args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    if code == 2:
        assert len(result.output.splitlines()) == 1, result.output


@pytest.mark.parametrize(("name", "canonical", "short_forms"), [
    ("cited-by", "symbol=S/RES/2331 (2016)", ["symbol=2331", "symbol=S/RES/2331(2016)", "symbol=resolution 2331",
                                                "symbol=2331 (2016)", "symbol=S/RES/2331"]),
    ("resolution-cites", "symbol=S/RES/2388 (2017)", ["symbol=2388", "symbol=S/RES/2388(2017)"]),
    ("instrument-mentions", f"instrument={PALERMO}", ["instrument=Palermo Protocol", "instrument=palermo  protocol",
                                                      "instrument=Trafficking in Persons Protocol"]),
    ("alignments", "group=European Union", ["group=EU", "group=european union"]),
    ("provenance", "fact=<https://w3id.org/councilgraph/id/doc/SC-13081/statement/15/alignment/1>",
     ["fact=https://w3id.org/councilgraph/id/doc/SC-13081/statement/15/alignment/1",
      "fact=doc/SC-13081/statement/15/alignment/1"]),
])
def test_named_query_parameters_take_aliases_and_short_forms(built: Path, name: str, canonical: str,
                                                            short_forms: list[str]) -> None:
    expected = _query("--store", str(built), "--name", name, "--param", canonical, "--format", "csv")
    assert expected.exit_code == 0, expected.output
    assert len(expected.output.splitlines()) > 1  # some rows
    for short in short_forms:
        result = _query("--store", str(built), "--name", name, "--param", short, "--format", "csv")
        assert (result.exit_code, result.output) == (0, expected.output), short


def test_describe_and_construct_default_to_turtle(built: Path) -> None:
    fact = "<https://w3id.org/councilgraph/id/doc/SC-13081/statement/15/alignment/1>"
    for sparql in (f"DESCRIBE {fact}", f"CONSTRUCT WHERE {{ {fact} ?p ?o }}"):
        result = _query("--store", str(built), sparql)
        assert result.exit_code == 0, result.output
        assert result.output.startswith("@prefix ") and "cg:quote" in result.output
    assert _query("--store", str(built), "ASK {}").output == "true\n"  # the others keep the table default


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
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == sorted([*(f"{name}.csv" for name in TABLES),
                                                                         "build.stamp"])
    with open(tmp_path / "t" / "statements.csv", newline="", encoding="utf-8") as fh:
        statements = list(csv.DictReader(fh))
    assert len(statements) == 71 and statements[0]["speaker"] == "ANTÓNIO GUTERRES"
    assert "statements.csv: 71 rows" in result.output


def test_tables_default_to_a_folder_in_the_build(built: Path) -> None:
    result = CliRunner().invoke(main, ["tables", str(built), "-q"])
    assert result.exit_code == 0 and result.output == ""
    assert (built / "tables" / "votes.csv").read_text(encoding="utf-8").startswith("document,adopted,meeting")


#: A query that would run for years on any store: every triple three times over.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _holds_open(pid: int, prefix: str) -> bool:
    """Whether the process has a file open whose path starts with ``prefix`` (a file it closes as we look is
    skipped: the process is starting up and opens and closes many)."""
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd).startswith(prefix):
                return True
        except OSError:
            continue
    return False


def _ctrl_c(process: subprocess.Popen[bytes], wait: Callable[[], None]) -> tuple[bytes, bytes]:
    """Ctrl-C to the process once ``wait`` returns; its output. The process is killed whatever happens."""
    try:
        wait()
        process.send_signal(signal.SIGINT)
        return process.communicate(timeout=30)
    finally:
        process.kill()
        process.wait()


def _wait_until_open(process: subprocess.Popen[bytes], path: Path) -> None:
    """Until the process has ``path`` open (bounded)."""
    deadline = time.monotonic() + 60
    while not _holds_open(process.pid, str(path)):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)


def _wait_until_querying(process: subprocess.Popen[bytes], store: Path) -> None:
    """Until the process has the store open and has worked on the query for a while (bounded)."""
    deadline = time.monotonic() + 60
    opened_at = None
    while opened_at is None or _cpu_seconds(process.pid) < opened_at + 0.5:
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        if opened_at is None and _holds_open(process.pid, str(store.resolve())):
            opened_at = _cpu_seconds(process.pid)
        time.sleep(0.05)


def _slow_query(store: Path, *options: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "councilgraph.cli", "query", "--store", str(store), *options, SLOW]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to see the query running")
def test_ctrl_c_stops_a_long_query_with_one_line_and_status_130(built: Path) -> None:
    process = _slow_query(built)
    out, err = _ctrl_c(process, lambda: _wait_until_querying(process, built / "store"))
    assert process.returncode == 130, err
    assert (out, err.decode().splitlines()) == (b"", ["interrupted: the query was stopped"])


def test_a_query_past_its_timeout_is_stopped_with_one_line(built: Path) -> None:
    process = _slow_query(built, "--timeout", "1")
    try:
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 1, err
    assert (out, err.decode().splitlines()) == (
        b"", ["error: the query did not finish within 1 s (--timeout); it was stopped"])


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to see the reader wait")
def test_ctrl_c_while_tables_wait_for_the_store_writes_nothing_and_exits_130(seed_path: Path, tmp_path: Path) -> None:
    """The first reader after a build loads the store under the folder's lock, waiting for a build that holds
    it: Ctrl-C there was click's "Aborted!", exit 1."""
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "-q"]).exit_code == 0
    lock = (out / CACHE_DIR / LOCK).resolve()
    with locked(out):  # as a build writing the folder would
        process = subprocess.Popen([sys.executable, "-m", "councilgraph.cli", "tables", str(out)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out_text, err = _ctrl_c(process, lambda: _wait_until_open(process, lock))
    assert process.returncode == 130, err
    assert (out_text, err.decode().split("\n")[-2:]) == (b"", [f"interrupted: no table was written in {out / 'tables'}", ""])
    assert not (out / "tables").exists()
