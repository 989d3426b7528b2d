"""GraphML of the citation network (opens in Gephi, yEd, Cytoscape)."""

from __future__ import annotations

import networkx as nx

from councilgraph.exports.network import NetworkExporter

__all__ = ["GraphMLExporter"]


class GraphMLExporter(NetworkExporter):
    """Writes ``citations.graphml``."""

    file_name = "citations.graphml"

    def serialise(self, graph: nx.MultiDiGraph) -> bytes:
        return "\n".join(nx.generate_graphml(graph, encoding="utf-8", prettyprint=True)).encode("utf-8") + b"\n"
