"""citations.html: self-contained, deterministic, carrying exactly the network of citations.json."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest
from networkx.readwrite import json_graph

from councilgraph.viz import layout as layout_module
from councilgraph.viz.data import NetworkError, network_data, read_network
from councilgraph.viz.layout import layout
from councilgraph.viz.page import render_page, script_json, static_text

STATIC = resources.files("councilgraph.viz").joinpath("static")


class _Resources(HTMLParser):
    """Every attribute that can make a browser fetch something, and the tags seen."""

    def __init__(self) -> None:
        super().__init__()
        self.references: list[tuple[str, str, str]] = []
        self.tags: Counter[str] = Counter()
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            if name in ("src", "href", "srcset", "poster", "data", "action", "formaction", "manifest", "background"):
                self.references.append((tag, name, value or ""))
        if tag == "script":
            self.scripts.append(dict(attrs))


@pytest.fixture(scope="module")
def page(seed_build: Path) -> str:
    return (seed_build / "citations.html").read_text("utf-8")


def test_page_is_self_contained(page: str) -> None:
    parsed = _Resources()
    parsed.feed(page)
    assert parsed.references == []  # no src=, href= ... at all: nothing to fetch, local or remote
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)  # no remote CSS or fonts
    assert all("src" not in attrs for attrs in parsed.scripts)
    assert parsed.tags["link"] == 0 and parsed.tags["iframe"] == 0 and parsed.tags["img"] == 0
    assert static_text("cytoscape.min.js") in page  # the library is inlined, byte for byte
    assert static_text("page.js") in page and static_text("page.css") in page
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert csp and "default-src 'none'" in csp.group(1)  # the browser itself refuses any fetch


def test_page_carries_the_network_of_citations_json(page: str, seed_network: dict, embedded_data) -> None:
    data = embedded_data(page)
    assert len(data["nodes"]) == len(seed_network["nodes"]) == 31
    assert len(data["edges"]) == len(seed_network["links"]) == 63
    assert [n["id"] for n in data["nodes"]] == sorted(n["id"] for n in seed_network["nodes"])
    assert Counter((e["source"], e["target"], e["cito"], e["phrase"]) for e in data["edges"]) == \
        Counter((e["source"], e["target"], e["cito"], e["phrase"]) for e in seed_network["links"])
    node = next(n for n in data["nodes"] if n["symbol"] == "S/RES/2331 (2016)")
    assert (node["label"], node["year"], node["kind"], node["in_degree"], node["citations"]) == \
        ("S/RES/2331 (2016)", 2016, "resolution", 2, 12)  # cited by 2388 once, by 11 statements of SC/13081
    assert {k["kind"]: k["count"] for k in data["kinds"]} == {"resolution": 17, "presidential-statement": 1,
                                                              "document": 1, "instrument": 11, "press-release": 1}
    assert sum(c["count"] for c in data["citos"]) == 63
    assert "31 documents, 63 citations" in page
    for kind in ("Security Council resolution", "Presidential statement", "cites for information", "confirms"):
        assert kind in page  # both legends are in the page itself


def test_page_is_byte_identical_across_runs(page: str, seed_build: Path, seed_stamp: str) -> None:
    network = read_network(seed_build / "citations.json")
    again = render_page(network, stamp=seed_stamp)
    assert again == page
    assert render_page(json.loads((seed_build / "citations.json").read_text("utf-8")), stamp=seed_stamp) == page
    assert not re.search(r"20\d\d-\d\d-\d\dT", page)  # no timestamps


def test_page_from_a_networkx_graph_is_the_same(seed_build: Path, seed_network: dict) -> None:
    graph = json_graph.node_link_graph(seed_network, edges="links")
    assert render_page(graph) == render_page(seed_network)


def test_positions_are_deterministic_and_in_the_unit_square(seed_network: dict) -> None:
    uncited = [{"id": f"urn:x:{i}", "symbol": f"S/{i}", "kind": "document"} for i in range(8)]  # mentioned only
    network = network_data({**seed_network, "nodes": [*seed_network["nodes"], *uncited]})
    first, second = layout(network), layout(network)
    assert first == second
    assert set(first) == {n["id"] for n in network["nodes"]}
    assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in first.values())
    assert len(set(first.values())) == len(first)  # no two documents on top of each other
    linked = {e["source"] for e in network["links"]} | {e["target"] for e in network["links"]}
    alone = [n for n in first if n not in linked]
    assert sorted(alone) == [n["id"] for n in uncited]  # documents nothing cites go on the outer ring
    assert min(abs(complex(*first[n])) for n in alone) > max(abs(complex(*first[n])) for n in linked)


def test_a_very_large_network_gets_the_spiral_layout(monkeypatch: pytest.MonkeyPatch, seed_network: dict) -> None:
    monkeypatch.setattr(layout_module, "FORCE_LIMIT", 5)
    network = network_data(seed_network)
    positions = layout(network)
    assert positions == layout(network) and len(positions) == 31
    page = render_page(network, positions)
    assert "councilgraph-data" in page


def test_data_that_could_close_the_script_is_escaped(embedded_data) -> None:
    evil = "</script><script>alert(1)</script><!-- \u2028 & >"
    network = {"nodes": [{"id": "a", "label": evil, "symbol": "A/1", "kind": "<b>kind</b>"},
                         {"id": "b", "label": "B", "symbol": "B/1", "kind": "resolution"}],
               "links": [{"source": "a", "target": "b", "phrase": evil, "cito": "</script>"}]}
    page = render_page(network)
    assert page.count("</script>") == 3  # the data, the library and the page's script: nothing else closes
    assert "<script>alert" not in page and "<!-- " not in page.split("<body", 1)[1]
    assert "<b>kind</b>" not in page  # the legend shows an unknown kind escaped
    data = embedded_data(page)
    assert data["nodes"][0]["label"] == evil and data["edges"][0]["phrase"] == evil
    assert script_json({"x": "</script>"}) == '{"x":"\\u003c/script\\u003e"}'


def test_empty_and_single_node_networks_render(embedded_data) -> None:
    empty = render_page({"nodes": [], "links": []})
    assert embedded_data(empty)["nodes"] == [] and "0 documents, 0 citations" in empty
    single = embedded_data(render_page({"nodes": [{"id": "x"}], "links": []}))
    assert (single["nodes"][0]["x"], single["nodes"][0]["y"], single["nodes"][0]["label"]) == (0.0, 0.0, "x")
    loop = embedded_data(render_page(nx.MultiDiGraph([("x", "y"), ("y", "y")])))  # a self-citation is kept
    assert len(loop["nodes"]) == 2 and len(loop["edges"]) == 2
    clash = embedded_data(render_page(nx.MultiDiGraph([("edge-0", "edge-1")])))
    assert {e["id"] for e in clash["edges"]}.isdisjoint(n["id"] for n in clash["nodes"])


@pytest.mark.parametrize("bad", [
    [], {"nodes": []}, {"nodes": {}, "links": []}, {"nodes": [{"label": "no id"}], "links": []},
    {"nodes": [{"id": "a"}, {"id": "a"}], "links": []},
    {"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "missing"}]},
    {"nodes": [{"id": "a", "year": "nineteen"}], "links": []},
    {"nodes": [{"id": "a", "in_degree": True}], "links": []},
])
def test_what_is_not_a_network_is_refused(bad: object) -> None:
    with pytest.raises(NetworkError):
        network_data(bad)  # type: ignore[arg-type]


def test_vendored_library_is_the_one_recorded() -> None:
    notes = STATIC.joinpath("VENDORED.md").read_text("utf-8")
    for name in ("cytoscape.min.js", "cytoscape.LICENSE"):
        digest = hashlib.sha256(STATIC.joinpath(name).read_bytes()).hexdigest()
        assert f"{digest}  {name}" in notes, f"{name} differs from the copy recorded in VENDORED.md"
    version = re.search(r"\| (\d+\.\d+\.\d+) \| MIT \|", notes).group(1)
    assert f'.version="{version}"' in static_text("cytoscape.min.js")
    assert "Permission is hereby granted, free of charge" in STATIC.joinpath("cytoscape.LICENSE").read_text("utf-8")
