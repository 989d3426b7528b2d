"""Shared nodes merged from the fragments in bounded memory: sorted runs spilled to disk, merged once."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilgraph.exports import export_documents
from councilgraph.exports import shared as shared_module
from councilgraph.exports.shared import SharedLines, pack, unpack
from councilgraph.pipeline import build_path

DATA = Path(__file__).resolve().parent.parent / "data"
INPUTS = [DATA / "golden" / "mini-release.txt", DATA / "releases" / "sc-observers.txt",
          DATA / "releases" / "sc-veto-multipart.txt", DATA / "releases" / "ga-g77.txt"]

# Three fragments' shared lines: repeated lines within and across fragments, an IRI that is a prefix of
# another (a/b before a/b-c, as sorted() puts them, although "-" sorts before ">" in N-Triples), UTF-8.
FRAGMENTS = [
    b"a/b-c\tlabel \"C\"\na/b\tlabel \"B\"\n",
    b"a/b\tlabel \"B\"\na/b\talt \"T\xc3\xbcrkiye\"\nz\ttype State\n",
    b"a/b\tlabel \"B\"\nz\ttype State\na/b-c\tlabel \"C2\"\n",
]
EXPECTED = [("a/b", ['alt "Türkiye"', 'label "B"']), ("a/b-c", ['label "C"', 'label "C2"']), ("z", ["type State"])]


@pytest.mark.parametrize("run_lines", [1, 2, 3, 1000], ids=["run-of-1", "run-of-2", "run-of-3", "in-memory"])
def test_lines_come_back_sorted_once_each_and_grouped_by_node(run_lines: int, tmp_path: Path) -> None:
    lines = SharedLines(str(tmp_path), run_lines=run_lines)
    for fragment in FRAGMENTS:
        lines.add(fragment)
    assert (lines.spilled > 0) == (run_lines < 5)
    assert list(lines.by_node()) == EXPECTED
    assert list(tmp_path.iterdir()) == []  # the runs are gone with their files closed


def test_pack_keeps_the_own_part_apart_in_bytes() -> None:
    fragment = pack("\n<x> a cg:State ; rdfs:label \"Türkiye\" .\n", ["b\tp o\n", "a\tp o\n", "b\tp o\n"])
    own, shared = unpack(fragment)
    assert own.decode() == "\n<x> a cg:State ; rdfs:label \"Türkiye\" .\n"
    assert shared == b"a\tp o\nb\tp o\n"  # sorted, once each
    assert unpack(pack("", [])) == (b"", b"")


@pytest.mark.parametrize("formats", [("turtle",), ("ntriples",)], ids=["turtle", "n-triples"])
def test_spilling_runs_does_not_change_the_merged_file(formats: tuple[str, ...], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    documents = [build_path(path).graph for path in INPUTS]
    whole = export_documents(documents, tmp_path / "whole", formats)[formats[0]].read_bytes()
    monkeypatch.setattr(shared_module, "RUN_LINES", 7)
    spilled = export_documents(documents, tmp_path / "spilled", formats)[formats[0]].read_bytes()
    assert spilled == whole
    assert whole.count(b"id/state/") > 10  # the documents do share States: the merge has work to do
