"""The citation network exports: GraphML, GEXF and node-link JSON built from the RDF graph."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from networkx.readwrite import json_graph

from councilgraph.cli import main
from councilgraph.exports import EXPORTERS

DATA = Path(__file__).resolve().parent.parent / "data"
R2388 = "https://w3id.org/councilgraph/id/doc/S-RES-2388-2017"


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory, seed_path: Path) -> Path:
    out = tmp_path_factory.mktemp("seed")
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_seed_network_in_three_formats_agrees(seed_out: Path) -> None:
    graphml = nx.read_graphml(seed_out / "citations.graphml")
    gexf = nx.read_gexf(seed_out / "citations.gexf")
    data = json.loads((seed_out / "citations.json").read_text("utf-8"))
    assert "lastmodifieddate" not in (seed_out / "citations.gexf").read_text("utf-8")  # same bytes any day
    assert graphml.number_of_nodes() == gexf.number_of_nodes() == len(data["nodes"])
    assert graphml.number_of_edges() == gexf.number_of_edges() == len(data["links"])


def test_seed_network_edges_from_2388(seed_out: Path) -> None:
    graph = nx.read_graphml(seed_out / "citations.graphml")
    cited = {graph.nodes[t]["symbol"] or graph.nodes[t]["label"] for _, t in graph.out_edges(R2388)}
    assert {"S/RES/2331 (2016)", "S/PRST/2015/25", "S/2017/939", "S/RES/2379 (2017)"} <= cited
    assert "Charter of the United Nations" in cited
    edge = next(d for _, t, d in graph.out_edges(R2388, data=True) if t.endswith("S-PRST-2015-25"))
    assert (edge["phrase"], edge["cito"], edge["paragraph"], edge["weight"]) == \
        ("Recalling", "citesForInformation", "preambular", 1)
    node = graph.nodes["https://w3id.org/councilgraph/id/doc/S-RES-2331-2016"]
    assert (node["kind"], node["year"], node["in_degree"]) == ("resolution", 2016, 2)  # 2388 and SC/13081


def test_statements_add_delegation_edges_when_asked(tmp_path: Path, seed_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(tmp_path), "-q", "-f", "graphml",
                                       "--with-statements"])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(tmp_path / "citations.graphml")
    kenya = "https://w3id.org/councilgraph/id/state/KEN"
    assert graph.nodes[kenya]["kind"] == "state"
    assert [(t.rsplit("/", 1)[-1], d["paragraph"]) for _, t, d in graph.out_edges(kenya, data=True)] == \
        [("S-RES-1973-2011", "statement")]


def test_all_301_resolutions_in_one_network(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(DATA / "resolutions"), "--out", str(tmp_path), "-q",
                                       "-f", "gexf", "-f", "json"])
    assert result.exit_code == 0, result.output
    graph = nx.read_gexf(tmp_path / "citations.gexf")
    resolutions = [n for n, d in graph.nodes(data=True) if d["kind"] == "resolution"]
    built = {p.name for p in (DATA / "resolutions").glob("S_RES_*.txt")}
    assert len(built) == 301 and len(resolutions) >= 301
    largest = max(nx.weakly_connected_components(graph), key=len)
    assert len(largest) > 0.7 * graph.number_of_nodes()  # the sample is every third resolution


def _merged(fragments: list[bytes], exporter: type) -> tuple[bytes, nx.MultiDiGraph]:
    """Write ``fragments`` with ``exporter``; the file's bytes and the exporter's own NetworkX graph."""
    out = io.BytesIO()
    writer = exporter(out)
    for fragment in fragments:
        writer.write(fragment)
    writer.finalize()
    return out.getvalue(), writer.graph()


# Two documents' networks: a node both describe (the year known to one), an edge both make (weights add),
# two edges between the same nodes (keys 0 and 1), and text that XML and JSON must escape.
_FRAGMENTS = [
    json.dumps({"nodes": {"r1": {"kind": "document", "label": "R & <1>", "symbol": ""},
                          "r2": {"kind": "resolution", "label": 'say "no"\n\tnow', "symbol": "S/RES/2 (2000)",
                                 "year": 2000}},
                "edges": [["r1", "r2", "Recalling", "cites", "preambular", 1],
                          ["r1", "r2", "Welcoming", "agreesWith", "operative", 2]]}).encode(),
    json.dumps({"nodes": {"r1": {"kind": "resolution", "label": "R & <1>", "symbol": "S/RES/1 (2001)",
                                 "year": 2001},
                          "Türkiye": {"kind": "state", "label": "Türkiye", "symbol": ""}},
                "edges": [["r1", "r2", "Recalling", "cites", "preambular", 3],
                          ["Türkiye", "r1", "", "cites", "statement", 1]]}).encode(),
]


@pytest.mark.parametrize("name,read", [
    ("graphml", lambda data: nx.read_graphml(io.BytesIO(data), force_multigraph=True)),
    ("gexf", lambda data: nx.read_gexf(io.BytesIO(data))),
    ("json", lambda data: json_graph.node_link_graph(json.loads(data), edges="links")),
], ids=["graphml", "gexf", "node-link"])
def test_streamed_file_reads_back_as_the_merged_networkx_graph(name: str, read) -> None:
    data, expected = _merged(_FRAGMENTS, EXPORTERS[name])
    graph = read(data)
    assert sorted(graph.nodes(data=True)) == sorted(expected.nodes(data=True))
    edges = [(s, t, k, {n: v for n, v in d.items() if n != "id"}) for s, t, k, d in graph.edges(keys=True, data=True)]
    assert sorted(edges) == sorted(expected.edges(keys=True, data=True))  # GEXF adds the edge's id
    assert expected.nodes["r1"] == {"kind": "resolution", "label": "R & <1>", "symbol": "S/RES/1 (2001)", "year": 2001,
                                    "in_degree": 1}
    assert expected.nodes["r2"]["in_degree"] == 1 and expected.nodes["Türkiye"]["in_degree"] == 0
    assert [(k, d["phrase"], d["weight"]) for _, _, k, d in expected.edges("r1", keys=True, data=True)] == \
        [(0, "Recalling", 4), (1, "Welcoming", 2)]
    assert "Türkiye".encode() in data  # UTF-8 as it is, not character references


def test_network_files_are_written_node_by_node() -> None:
    """Each node and edge is written as it is formatted: the writer yields many small pieces, not one file."""
    fragments = [json.dumps({"nodes": {f"n{i}": {"kind": "document", "label": f"N{i}", "symbol": ""},
                                       f"n{i + 1}": {"kind": "document", "label": f"N{i + 1}", "symbol": ""}},
                             "edges": [[f"n{i}", f"n{i + 1}", "", "cites", "document", 1]]}).encode()
                 for i in range(50)]
    for name in ("graphml", "gexf", "json"):
        writer = EXPORTERS[name](io.BytesIO())
        for fragment in fragments:
            writer.write(fragment)
        pieces = list(writer.tail())
        assert len(pieces) > 100, name  # one per node and per edge at least


def test_characters_xml_forbids_do_not_break_the_files() -> None:
    fragment = json.dumps({"nodes": {"r1": {"kind": "document", "label": "a\x0bb\x0cc", "symbol": ""}},
                           "edges": []}).encode()
    for name, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        data, _ = _merged([fragment], EXPORTERS[name])
        assert read(io.BytesIO(data)).nodes["r1"]["label"] == "a\ufffdb\ufffdc", name


@pytest.mark.parametrize("name", ["graphml", "gexf", "json"])
def test_network_without_edges_is_a_valid_file(name: str) -> None:
    fragment = json.dumps({"nodes": {"r1": {"kind": "document", "label": "R1", "symbol": ""}}, "edges": []}).encode()
    data, expected = _merged([fragment], EXPORTERS[name])
    assert list(expected.nodes) == ["r1"] and not expected.edges
    if name == "json":
        assert json.loads(data)["links"] == []


def test_merged_network_holds_each_string_once() -> None:
    """Every document repeats the IRIs and phrases it shares with others: the merge keeps one copy of each."""
    writer = EXPORTERS["graphml"](io.BytesIO())
    for fragment in _FRAGMENTS:
        writer.write(fragment)
    nodes, edges = writer.merged()
    by_node = {node.id: node for node in nodes}
    sources = [e.source for e in edges if e.source == "r1"]
    assert len(sources) == 2 and sources[0] is sources[1] is by_node["r1"].id


def test_statement_citations_are_edges_from_their_release_by_default(seed_out: Path) -> None:
    """What the speakers of a release cite is in the network, one edge per phrase from the release, weighted by
    how many statements share it; no document the release cites is left without a citing node."""
    graph = nx.read_graphml(seed_out / "citations.graphml", force_multigraph=True)
    release = "https://w3id.org/councilgraph/id/doc/SC-13081"
    untoc = "https://w3id.org/councilgraph/id/instrument/un-convention-against-transnational-organized-crime"
    assert graph.nodes[release]["kind"] == "press-release" and graph.nodes[release]["symbol"] == "SC/13081"
    edges = {(d["phrase"], d["cito"]): d["weight"] for _, t, d in graph.out_edges(release, data=True) if t == untoc}
    assert edges == {("", "cites"): 10, ("noted", "citesForInformation"): 1, ("encouraging", "cites"): 1,
                     ("Reaffirming", "confirms"): 1, ("in line with", "citesAsAuthority"): 1}
    assert {d["paragraph"] for _, _, d in graph.out_edges(release, data=True)} == {"statement"}
    only_statements = "https://w3id.org/councilgraph/id/doc/S-RES-1973-2011"  # cited by Kenya's speaker alone
    assert graph.nodes[only_statements]["in_degree"] == 1
    uncited = [graph.nodes[n].get("symbol") or n for n, d in graph.nodes(data=True)
               if d["in_degree"] == 0 and d["kind"] != "press-release" and n != R2388]
    assert uncited == []
