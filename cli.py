"""The ``councilgraph`` command line.

Exit status: 0 success; 1 one or more inputs could not be built (the others
still are) or the output could not be written; 2 usage error (bad option,
nothing to do).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable
from pathlib import Path

import click
from rdflib import Dataset, URIRef

from councilgraph import __version__
from councilgraph.exports import EXPORTERS, NETWORK_FORMATS, Exporter, StagedFiles
from councilgraph.exports.base import DocumentGraph
from councilgraph.exports.network import NetworkFacts
from councilgraph.exports.nquads import ntriples_lines
from councilgraph.exports.turtle import TurtleExporter
from councilgraph.pipeline import KINDS, BuiltDocument, InputError, build_path, expand_inputs
from councilgraph.validate import (
    Report,
    node_offsets,
    report_markdown,
    report_triples,
    summary,
    validate_graph,
    validate_ntriples,
)

OutDir = click.Path(file_okay=False, dir_okay=True, writable=True, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="councilgraph")
def main() -> None:
    """Turn UN meetings-coverage press releases into a linked-data knowledge graph.

    \b
    Example:
      councilgraph build examples/SC-13081.txt --out out/

    Exit status: 0 success, 1 some input failed or output could not be
    written, 2 usage error.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "-o", "out_dir", type=OutDir, required=True,
              help="Output folder, created if missing. Its graph files are replaced atomically.")
@click.option("--format", "-f", "formats", type=click.Choice(sorted(EXPORTERS)), multiple=True,
              help="Output format; repeat for several. Default: all of them.")
@click.option("--with-statements", is_flag=True,
              help="In the citation network, add edges from each speaker's delegation to what it cites.")
@click.option("--kind", type=click.Choice(KINDS), default="auto", show_default=True,
              help="What the inputs are: detected from the text, or forced.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any document violates the SHACL shapes.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
def build(inputs: tuple[str, ...], out_dir: Path, formats: tuple[str, ...], with_statements: bool, kind: str,
          strict: bool, quiet: bool) -> None:
    """Build the graph of press releases and resolution texts INPUT... (files, folders or glob patterns).

    \b
    Writes, in --out:
      graph.ttl           all documents merged, Turtle
      graph.nq            N-Quads, one named graph per document
      citations.graphml   the citation network (documents, instruments,
      citations.gexf      citations), for Gephi and other tools
      citations.json      the same as node-link JSON
      validation.ttl      the SHACL validation report of every document
      validation.md       the same, readable, with the source text of each finding
    Prints one line per document (statements, alignments, triples, findings).
    A file that cannot be read, is not a press release, or repeats the symbol
    of another input with different text gets a one-line error; the others
    are still built, and the exit status is then 1.
    """
    paths = list(expand_inputs(inputs))
    if not paths:
        raise click.UsageError("no input files found (folders are searched for *.txt)")
    selected = formats or tuple(EXPORTERS)
    files = StagedFiles()
    network = NetworkFacts(with_statements)
    exporters = [_exporter(name, out_dir, files, network) for name in selected]
    built: dict[str, BuiltDocument] = {}
    reports: list[Report] = []
    failures = 0
    for path in _progress(paths, quiet):
        try:
            document = build_path(path, kind)
        except InputError as err:
            failures += 1
            click.echo(f"error: {path}: {err}", err=True)
            continue
        symbol = document.symbol
        earlier = built.get(symbol)
        if earlier is not None:
            if earlier.source.sha256 == document.source.sha256:
                if not quiet:
                    click.echo(f"{path}: skipped, same content as {earlier.source.name}")
                continue
            failures += 1
            click.echo(f"error: {path}: document {symbol} was already built from {earlier.source.name}"
                       " with different text", err=True)
            continue
        built[symbol] = document
        for exporter in exporters:
            exporter.write(document.graph)
        report = validate_graph(document.graph)
        reports.append(report)
        if not quiet:
            click.echo(f"{document.summary()}; {summary(report)}")
    if not built:
        click.echo(f"0 document(s) built, {failures} failed; nothing written", err=True)
        sys.exit(1)
    try:
        for exporter in exporters:
            exporter.finalize()
        _write_validation(out_dir, files, reports, built)
        files.commit()
    except OSError as err:
        files.discard()
        click.echo(f"error: cannot write the output in {out_dir}: {err.strerror or err}", err=True)
        sys.exit(1)
    _remove_stale_outputs(out_dir, selected)
    if not quiet:
        names = ", ".join(str(e.path) for e in exporters)
        click.echo(f"{len(built)} document(s) built, {failures} failed; wrote {names}")
    violating = [r.name for r in reports if not r.conforms]
    if violating:
        click.echo(f"{len(violating)} document(s) violate the shapes; see {out_dir / 'validation.md'}", err=True)
    if failures or (strict and violating):
        sys.exit(1)


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE...")
def validate_command(files: tuple[Path, ...]) -> None:
    """Validate RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD) against the councilgraph shapes.

    All FILEs are merged (as data is merged in a triple store) and checked
    together. Prints the readable report. Exit status: 0 the data conforms
    (warnings and infos allowed), 1 a violation, 2 a file cannot be read.
    """
    graph = Dataset()
    for path in files:
        try:
            graph.parse(path, format=_rdf_format(path))
        except FileNotFoundError:
            click.echo(f"error: {path}: no such file", err=True)
            sys.exit(2)
        except Exception as err:  # noqa: BLE001 - any parser error is a bad input, reported in one line
            click.echo(f"error: {path}: cannot read it as RDF ({type(err).__name__}: {_one_line(err)})", err=True)
            sys.exit(2)
    triples = {(s, p, o) for s, p, o, _ in graph.quads((None, None, None, None))}
    if not triples:
        click.echo(f"error: no triples read from {', '.join(map(str, files))}", err=True)
        sys.exit(2)
    name = files[0].name if len(files) == 1 else f"{len(files)} files"
    report = validate_ntriples(name, "".join(ntriples_lines(sorted(triples))))
    click.echo(report_markdown([report], {}))
    sys.exit(0 if report.conforms else 1)


_RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
                ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}


def _rdf_format(path: Path) -> str:
    return _RDF_FORMATS.get(path.suffix.lower(), "turtle")


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())[:200]


def _write_validation(out_dir: Path, files: StagedFiles, reports: list[Report],
                      built: dict[str, BuiltDocument]) -> None:
    """validation.ttl (the SHACL reports) and validation.md (readable, with source text)."""
    ordered = sorted(reports, key=lambda r: r.name)
    turtle = TurtleExporter(out_dir / "validation.ttl", files)
    turtle.write(DocumentGraph(URIRef(f"{out_dir}"), tuple(report_triples(ordered))))
    turtle.finalize()
    sources = {str(d.graph.name): (d.source.text, node_offsets(d.graph)) for d in built.values()}
    files.write(out_dir / "validation.md", report_markdown(ordered, sources).encode("utf-8"))


def _exporter(name: str, out_dir: Path, files: StagedFiles, network: NetworkFacts) -> Exporter:
    cls, file_name = EXPORTERS[name]
    if name in NETWORK_FORMATS:
        return cls(out_dir / file_name, files, facts=network)  # the three formats share one network
    return cls(out_dir / file_name, files)


def _progress(paths: list[Path], quiet: bool) -> Iterable[Path]:
    """A progress bar on a terminal for several inputs; the plain list otherwise."""
    if quiet or len(paths) < 2 or not sys.stderr.isatty():
        return paths
    return _bar(paths)


def _bar(paths: list[Path]) -> Iterable[Path]:
    with click.progressbar(paths, label="Building", file=sys.stderr, show_pos=True) as bar:
        yield from bar


def _remove_stale_outputs(out_dir: Path, selected: tuple[str, ...]) -> None:
    """Graph files of formats not built this time would describe an older build: remove them."""
    for name, (_, file_name) in EXPORTERS.items():
        if name not in selected:
            with contextlib.suppress(FileNotFoundError):
                (out_dir / file_name).unlink()


if __name__ == "__main__":  # pragma: no cover
    main()
