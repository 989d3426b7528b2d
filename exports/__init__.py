"""Exporters: one module per format, all following :class:`~councilgraph.exports.base.Exporter`."""

from functools import partial
from pathlib import Path

from councilgraph.exports.base import (
    DEFAULT_OPTIONS,
    DocumentGraph,
    Exporter,
    ExportOptions,
    FragmentExporter,
    StagedFiles,
    atomic_write,
    write_file,
)
from councilgraph.exports.gexf import GEXFExporter
from councilgraph.exports.graphml import GraphMLExporter
from councilgraph.exports.jsonld import CONTEXT_IRI, JSONLD_CONTEXT, JSONLDExporter
from councilgraph.exports.network import NetworkExporter
from councilgraph.exports.nodelink import NodeLinkExporter
from councilgraph.exports.nquads import NQuadsExporter
from councilgraph.exports.ntriples import NTriplesExporter
from councilgraph.exports.trig import TriGExporter
from councilgraph.exports.turtle import TurtleExporter

__all__ = ["CONTEXT_IRI", "DEFAULT_FORMATS", "DocumentGraph", "EXPORTERS", "export_documents", "fragment_name", "ExportOptions", "Exporter", "StagedFiles",
           "atomic_write", "GEXFExporter", "GraphMLExporter", "JSONLDExporter", "JSONLD_CONTEXT", "NQuadsExporter",
           "NTriplesExporter", "NodeLinkExporter", "TriGExporter", "TurtleExporter"]

#: Format name -> exporter class (its ``file_name`` is the output file). Looked up by the CLI's --format.
EXPORTERS: dict[str, type[FragmentExporter]] = {
    "turtle": TurtleExporter,
    "nquads": NQuadsExporter,
    "ntriples": NTriplesExporter,
    "trig": TriGExporter,
    "jsonld": JSONLDExporter,
    "graphml": GraphMLExporter,
    "gexf": GEXFExporter,
    "json": NodeLinkExporter,
}
#: What a build writes when no --format is given: the merged graph, the quads for triple stores and the
#: citation network. N-Triples, TriG and JSON-LD repeat the same data in other syntaxes: asked for by name.
DEFAULT_FORMATS = ("turtle", "nquads", "graphml", "gexf", "json")


def fragment_name(format_name: str) -> str:
    """Under which name a format's fragment is kept: the network formats share one."""
    return "network" if issubclass(EXPORTERS[format_name], NetworkExporter) else format_name


def export_documents(documents: list[DocumentGraph], out_dir: Path, formats: tuple[str, ...] = tuple(EXPORTERS),
                     options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, Path]:
    """Write the files of ``formats`` for a few documents held in memory (a build does the same by pieces)."""
    ordered = sorted(documents, key=lambda d: str(d.name))
    written = {}
    files = StagedFiles()
    for name in formats:
        exporter = EXPORTERS[name]
        fragments = (exporter.fragment(document, options) for document in ordered)
        write_file(files, out_dir / exporter.file_name, partial(exporter, options=options), fragments)
        written[name] = out_dir / exporter.file_name
    files.commit()
    return written
