"""GEXF of the citation network, Gephi's own format."""

from __future__ import annotations

import networkx as nx

from councilgraph.exports.network import NetworkExporter

__all__ = ["GEXFExporter"]


class GEXFExporter(NetworkExporter):
    """Writes ``citations.gexf``."""

    def serialise(self, graph: nx.MultiDiGraph) -> bytes:
        # GEXF headers carry no date unless asked, so the file stays byte-identical across builds.
        return "\n".join(nx.generate_gexf(graph, encoding="utf-8", prettyprint=True)).encode("utf-8") + b"\n"
