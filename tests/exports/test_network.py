"""The citation network exports: GraphML, GEXF and node-link JSON built from the RDF graph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from councilgraph.cli import main

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
    assert (node["kind"], node["year"], node["in_degree"]) == ("resolution", 2016, 1)


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
