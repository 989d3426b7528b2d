"""GEXF of the citation network, Gephi's own format."""

from __future__ import annotations

import re

import networkx as nx

from councilgraph.exports.network import NetworkExporter

__all__ = ["GEXFExporter"]

_META = re.compile(r"  <meta[^>]*>.*?</meta>", re.S)


class GEXFExporter(NetworkExporter):
    """Writes ``citations.gexf``."""

    file_name = "citations.gexf"

    def serialise(self, graph: nx.MultiDiGraph) -> bytes:
        text = "\n".join(nx.generate_gexf(graph, encoding="utf-8", prettyprint=True))
        # NetworkX stamps today's date and its own version in <meta>: drop both, so that the same
        # input gives the same bytes on any day and with any NetworkX release.
        text = _META.sub("  <meta>\n    <creator>councilgraph</creator>\n  </meta>", text, count=1)
        return text.encode("utf-8") + b"\n"
