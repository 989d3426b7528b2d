"""Exporters: one module per format, all following :class:`~councilgraph.exports.base.Exporter`."""

from councilgraph.exports.base import DocumentGraph, Exporter, StagedFiles, atomic_write
from councilgraph.exports.gexf import GEXFExporter
from councilgraph.exports.graphml import GraphMLExporter
from councilgraph.exports.jsonld import CONTEXT_IRI, JSONLD_CONTEXT, JSONLDExporter
from councilgraph.exports.nodelink import NodeLinkExporter
from councilgraph.exports.nquads import NQuadsExporter
from councilgraph.exports.ntriples import NTriplesExporter
from councilgraph.exports.trig import TriGExporter
from councilgraph.exports.turtle import TurtleExporter

__all__ = ["CONTEXT_IRI", "DocumentGraph", "Exporter", "StagedFiles", "atomic_write", "EXPORTERS", "GEXFExporter",
           "GraphMLExporter", "JSONLDExporter", "JSONLD_CONTEXT", "NQuadsExporter", "NTriplesExporter",
           "NodeLinkExporter", "TriGExporter", "TurtleExporter"]

#: Format name -> (exporter class, output file name). Looked up by the CLI's --format.
EXPORTERS: dict[str, tuple[type, str]] = {
    "turtle": (TurtleExporter, "graph.ttl"),
    "nquads": (NQuadsExporter, "graph.nq"),
    "ntriples": (NTriplesExporter, "graph.nt"),
    "trig": (TriGExporter, "graph.trig"),
    "jsonld": (JSONLDExporter, "graph.jsonld"),
    "graphml": (GraphMLExporter, "citations.graphml"),
    "gexf": (GEXFExporter, "citations.gexf"),
    "json": (NodeLinkExporter, "citations.json"),
}
#: The citation-network formats, which take --with-statements.
NETWORK_FORMATS = ("graphml", "gexf", "json")
