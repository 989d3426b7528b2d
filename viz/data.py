"""The citation network as the visualisations read it: checked, normalised and in a fixed order.

Accepts the node-link JSON that ``councilgraph build`` writes (citations.json,
see exports/nodelink.py) or a NetworkX graph (exports/network.py), and gives
one plain dict: ``nodes`` sorted by id, ``links`` sorted by their fields, every
attribute with a definite type. Each node also gets ``citations``: the citations
it receives, the weights of the links to it summed (a press release whose
statements cite it five times counts five), which the drawings size it by. Anything that is not such a network raises
:class:`NetworkError` with a one-line reason.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite import json_graph

__all__ = ["Network", "NetworkError", "network_data", "read_network"]

#: {"name": str, "nodes": [node dict], "links": [link dict]}
Network = dict[str, Any]


class NetworkError(ValueError):
    """The input is not a citation network (one-line message)."""


def read_network(path: Path) -> Network:
    """Read and check citations.json."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise NetworkError("no such file") from None
    except IsADirectoryError:
        raise NetworkError("is a directory") from None
    except UnicodeDecodeError:
        raise NetworkError("not UTF-8 text") from None
    except OSError as err:
        raise NetworkError(err.strerror or str(err)) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise NetworkError(f"not JSON ({err.msg}, line {err.lineno})") from None
    return network_data(raw)


def network_data(network: Mapping[str, Any] | nx.Graph) -> Network:
    """The checked, sorted network of node-link data or of a NetworkX graph."""
    if isinstance(network, nx.Graph):
        network = json_graph.node_link_data(network, edges="links")
    if not isinstance(network, Mapping):
        raise NetworkError("not a node-link network (expected a JSON object)")
    raw_nodes, raw_links = network.get("nodes"), network.get("links", network.get("edges"))
    if not isinstance(raw_nodes, list) or not isinstance(raw_links, list):
        raise NetworkError("not a node-link network (no 'nodes' and 'links' lists)")
    nodes: dict[str, dict[str, Any]] = {}
    for raw in raw_nodes:
        node = _node(raw)
        if node["id"] in nodes:
            raise NetworkError(f"node {node['id']} appears twice")
        nodes[node["id"]] = node
    links = [_link(raw, nodes) for raw in raw_links]
    links.sort(key=lambda e: (e["source"], e["target"], e["cito"], e["phrase"], e["paragraph"], e["weight"],
                              e["key"]))
    citing: dict[str, set[str]] = {}
    received: dict[str, int] = {}
    for link in links:
        citing.setdefault(link["target"], set()).add(link["source"])
        if link["source"] != link["target"]:
            received[link["target"]] = received.get(link["target"], 0) + max(link["weight"], 1)
    for node_id, node in nodes.items():
        if node["in_degree"] is None:  # same definition as exports/network.py: distinct citing nodes
            node["in_degree"] = len(citing.get(node_id, ()))
        node["citations"] = received.get(node_id, 0)
    graph = network.get("graph")
    name = graph.get("name") if isinstance(graph, Mapping) else network.get("name")
    return {"name": str(name or "citation network"), "nodes": [nodes[k] for k in sorted(nodes)], "links": links}


def _node(raw: object) -> dict[str, Any]:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str) or not raw["id"]:
        raise NetworkError("a node has no string 'id'")
    node_id = raw["id"]
    year = raw.get("year")
    in_degree = raw.get("in_degree")
    return {
        "id": node_id,
        "label": _text(raw.get("label")) or node_id,
        "symbol": _text(raw.get("symbol")),
        "kind": _text(raw.get("kind")) or "document",
        "year": _integer(year, f"node {node_id}: year") if year not in (None, "") else None,
        "in_degree": _integer(in_degree, f"node {node_id}: in_degree") if in_degree is not None else None,
    }


def _link(raw: object, nodes: Mapping[str, object]) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise NetworkError("a link is not an object")
    source, target = raw.get("source"), raw.get("target")
    for end in (source, target):
        if not isinstance(end, str) or end not in nodes:
            raise NetworkError(f"a link refers to an unknown node {end!r}")
    weight = raw.get("weight", 1)
    key = raw.get("key", 0)
    return {
        "source": source,
        "target": target,
        "phrase": _text(raw.get("phrase")),
        "cito": _text(raw.get("cito")) or "cites",
        "paragraph": _text(raw.get("paragraph")),
        "weight": _integer(weight, f"link {source} -> {target}: weight"),
        "key": key if isinstance(key, int) and not isinstance(key, bool) else 0,
    }


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _integer(value: object, what: str) -> int:
    if isinstance(value, bool):
        raise NetworkError(f"{what} is not a number")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return int(str(value))
    except ValueError:
        raise NetworkError(f"{what} is not a whole number ({value!r})") from None
