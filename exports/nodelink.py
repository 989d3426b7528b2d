"""Node-link JSON of the citation network (D3 and NetworkX's json_graph)."""

from __future__ import annotations

import json

import networkx as nx
from networkx.readwrite import json_graph

from councilgraph.exports.network import NetworkExporter

__all__ = ["NodeLinkExporter"]


class NodeLinkExporter(NetworkExporter):
    """Writes ``citations.json``."""

    file_name = "citations.json"

    def serialise(self, graph: nx.MultiDiGraph) -> bytes:
        data = json_graph.node_link_data(graph, edges="links")
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
