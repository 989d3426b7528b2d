"""Exporters: one module per format, all following :class:`~councilgraph.exports.base.Exporter`."""

from councilgraph.exports.base import DocumentGraph, Exporter, StagedFiles, atomic_write
from councilgraph.exports.nquads import NQuadsExporter
from councilgraph.exports.turtle import TurtleExporter

__all__ = ["DocumentGraph", "Exporter", "StagedFiles", "atomic_write", "EXPORTERS", "NQuadsExporter", "TurtleExporter"]

#: Format name -> (exporter class, output file name). Looked up by the CLI's --format.
EXPORTERS: dict[str, tuple[type, str]] = {
    "turtle": (TurtleExporter, "graph.ttl"),
    "nquads": (NQuadsExporter, "graph.nq"),
}
