"""N-Quads shards for large stores (`councilgraph build --shards N`, issue 15): one named graph per
document, N documents a file, deterministic, loaded by a real store."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
from click.testing import CliRunner

from councilgraph.cli import main
from councilgraph.derived import build_stamp

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [str(ROOT / "examples"), str(ROOT / "tests" / "data" / "releases"), str(ROOT / "tests" / "data" / "archive")]
GRAPH = re.compile(r"<([^>]*)> \.$")


def build(out: Path, *extra: str) -> str:
    result = CliRunner().invoke(main, ["build", *INPUTS, "--out", str(out), "-j", "1", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def graphs(path: Path) -> set[str]:
    return {GRAPH.search(line)[1] for line in path.read_text(encoding="utf-8").splitlines()}


def test_shards_are_graph_nq_cut_at_documents_n_to_a_file(tmp_path: Path) -> None:
    output = build(tmp_path / "a", "--shards", "4")
    shards = sorted((tmp_path / "a" / "shards").glob("*.nq"))
    documents = len(graphs(tmp_path / "a" / "graph.nq"))
    assert documents == 11
    assert [p.name for p in shards] == ["part-00001.nq", "part-00002.nq", "part-00003.nq"]
    assert f"3 N-Quads shard(s) of up to 4 documents in {tmp_path / 'a' / 'shards'}/" in output
    assert b"".join(p.read_bytes() for p in shards) == (tmp_path / "a" / "graph.nq").read_bytes()
    each = [graphs(p) for p in shards]
    assert [len(g) for g in each] == [4, 4, 3]
    assert set.union(*each) == graphs(tmp_path / "a" / "graph.nq")  # each document in one shard, whole
    assert (tmp_path / "a" / "shards" / "build.stamp").read_text() == (
        f"{build_stamp(tmp_path / 'a')}\ndocuments per shard 4\n")
    # The same inputs elsewhere: the same bytes.
    build(tmp_path / "b", "--shards", "4")
    assert [p.read_bytes() for p in shards] == [p.read_bytes() for p in sorted((tmp_path / "b" / "shards").glob("*.nq"))]


def test_a_store_bulk_loads_the_shards_one_graph_per_document(tmp_path: Path) -> None:
    build(tmp_path, "--shards", "5")
    store = pyoxigraph.Store()
    for shard in sorted((tmp_path / "shards").glob("*.nq")):
        store.bulk_load(path=str(shard), format=pyoxigraph.RdfFormat.N_QUADS)
    loaded = {graph.value for graph in store.named_graphs()}
    assert loaded == graphs(tmp_path / "graph.nq")
    assert len(store) == sum(1 for _ in (tmp_path / "graph.nq").open(encoding="utf-8"))


def test_shards_follow_the_build_and_say_when_they_are_stale(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(out, "--shards", "4")
    first = out / "shards" / "part-00001.nq"
    inode = first.stat().st_ino
    build(out, "--shards", "4")  # unchanged: left as it is
    assert first.stat().st_ino == inode
    (out / ".shards.new-999999").mkdir()  # left by a write that was killed
    build(out, "--shards", "6")
    assert [p.name for p in sorted((out / "shards").glob("*.nq"))] == ["part-00001.nq", "part-00002.nq"]
    assert not list(out.glob(".shards.*"))
    # A later build that changes the graph without --shards: the shards show the earlier one.
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "banner-1996.txt").write_bytes((ROOT / "tests" / "data" / "layouts" / "banner-1996.txt").read_bytes())
    result = CliRunner().invoke(main, ["build", *INPUTS, str(extra), "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "note: shards/ in" in result.output and "--shards N" in result.output
