"""Exporters: one module per format, all following :class:`~councilgraph.exports.base.Exporter`."""

from councilgraph.exports.base import DocumentGraph, Exporter, StagedFiles, atomic_write
from councilgraph.exports.gexf import GEXFExporter
from councilgraph.exports.graphml import GraphMLExporter
from councilgraph.exports.nodelink import NodeLinkExporter
from councilgraph.exports.nquads import NQuadsExporter
from councilgraph.exports.turtle import TurtleExporter

__all__ = ["DocumentGraph", "Exporter", "StagedFiles", "atomic_write", "EXPORTERS", "GEXFExporter",
           "GraphMLExporter", "NQuadsExporter", "NodeLinkExporter", "TurtleExporter"]

#: Format name -> (exporter class, output file name). Looked up by the CLI's --format.
EXPORTERS: dict[str, tuple[type, str]] = {
    "turtle": (TurtleExporter, "graph.ttl"),
    "nquads": (NQuadsExporter, "graph.nq"),
    "graphml": (GraphMLExporter, "citations.graphml"),
    "gexf": (GEXFExporter, "citations.gexf"),
    "json": (NodeLinkExporter, "citations.json"),
}
#: The citation-network formats, which take --with-statements.
NETWORK_FORMATS = ("graphml", "gexf", "json")
