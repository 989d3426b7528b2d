"""The ``councilgraph`` command line.

Exit status: 0 success; 1 one or more inputs could not be built (the others
still are) or the output could not be written; 2 usage error (bad option,
nothing to do).
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterable
from pathlib import Path

import click
from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode
from rdflib import Dataset, URIRef

from councilgraph import __version__
from councilgraph.exports import EXPORTERS, NETWORK_FORMATS, Exporter, StagedFiles
from councilgraph.exports.base import DocumentGraph
from councilgraph.exports.network import NetworkFacts
from councilgraph.exports.nquads import ntriples_lines
from councilgraph.exports.turtle import TurtleExporter
from councilgraph.ontology import ontology_path
from councilgraph.ontology.docs_command import docs_command
from councilgraph.pipeline import KINDS, BuiltDocument, InputError, build_path, expand_inputs
from councilgraph.queries import named_queries, named_query
from councilgraph.queries.results import ANSWER_FORMATS, format_answer
from councilgraph.serve import LOOPBACK, SparqlServer
from councilgraph.shapes import shapes_text
from councilgraph.store import (
    STORE_DIR,
    DocumentStore,
    QueryError,
    StoreError,
    Term,
    remove_leftovers,
    replace_store,
    staging_path,
)
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
      ontology.ttl        the councilgraph ontology the data uses
      shapes.ttl          the SHACL shapes it was validated with
      store/              an embedded SPARQL store (pyoxigraph), one named graph
                          per document, for `councilgraph query` and `serve`
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
    store_path = out_dir / STORE_DIR
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out_dir)
        store = DocumentStore.create(staging_path(store_path))
    except OSError as err:
        click.echo(f"error: cannot write the output in {out_dir}: {err.strerror or err}", err=True)
        sys.exit(1)
    try:
        failures = _build_documents(paths, kind, quiet, exporters, store, built, reports)
        if not built:
            click.echo(f"0 document(s) built, {failures} failed; nothing written", err=True)
            sys.exit(1)
        store.load_ontology(ontology_path())
        store.close()
        for exporter in exporters:
            exporter.finalize()
        _write_validation(out_dir, files, reports, built)
        files.write(out_dir / "ontology.ttl", ontology_path().read_bytes())
        files.write(out_dir / "shapes.ttl", shapes_text().encode("utf-8"))
        files.commit()
        replace_store(staging_path(store_path), store_path)
    except OSError as err:
        click.echo(f"error: cannot write the output in {out_dir}: {err.strerror or err}", err=True)
        sys.exit(1)
    finally:  # also on Ctrl-C: the previous output stays as it was
        store.close()
        files.discard()
        remove_leftovers(out_dir)
    _remove_stale_outputs(out_dir, selected)
    if not quiet:
        names = ", ".join(str(e.path) for e in exporters)
        click.echo(f"{len(built)} document(s) built, {failures} failed; wrote {names} and {store_path}/")
    violating = [r.name for r in reports if not r.conforms]
    if violating:
        click.echo(f"{len(violating)} document(s) violate the shapes; see {out_dir / 'validation.md'}", err=True)
    if failures or (strict and violating):
        sys.exit(1)


def _build_documents(paths: list[Path], kind: str, quiet: bool, exporters: list[Exporter], store: DocumentStore,
                     built: dict[str, BuiltDocument], reports: list[Report]) -> int:
    """Build, validate, export and store each input; the number of inputs that failed."""
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
        store.replace(document.graph)
        report = validate_graph(document.graph)
        reports.append(report)
        if not quiet:
            click.echo(f"{document.summary()}; {summary(report)}")
    return failures


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


StorePath = click.Path(file_okay=False, dir_okay=True, path_type=Path)


def _open_store(path: Path) -> DocumentStore:
    """The store at ``path``, or in ``path/store`` when given a build's output folder."""
    if not (path / "CURRENT").is_file() and (path / STORE_DIR / "CURRENT").is_file():
        path = path / STORE_DIR
    try:
        return DocumentStore.open_read_only(path)
    except StoreError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)


@main.command()
@click.argument("sparql", required=False)
@click.option("--store", "-s", "store_path", type=StorePath, default=Path("out") / STORE_DIR, show_default=True,
              help="The store written by `councilgraph build` (or the build's output folder).")
@click.option("--file", "-f", "query_file", type=click.File("r", encoding="utf-8"), help="Read the query from a .rq file.")
@click.option("--name", "-n", "query_name", help="Run a named query shipped in queries/ (see --list).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME before the query runs: <IRI>, an integer, or text. Repeatable.")
@click.option("--format", "fmt", type=click.Choice(ANSWER_FORMATS), default="table", show_default=True,
              help="table, or the SPARQL results formats csv/tsv/json; turtle or ntriples for CONSTRUCT/DESCRIBE.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and what they answer.")
def query(sparql: str | None, store_path: Path, query_file, query_name: str | None, params: tuple[str, ...],
          fmt: str, list_queries: bool) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the store of a build.

    Give the query as SPARQL, with --file, or by --name. The default graph is
    the union of all documents, and the prefixes cg:, id:, cito:, foaf:, org:,
    prov:, rdfs:, skos:, schema: and the others of the ontology are declared.

    \b
    Examples:
      councilgraph query --list
      councilgraph query --name speakers --param meetingNumber=8111
      councilgraph query --name cited-by --param 'symbol=S/RES/2331 (2016)' --format csv
      councilgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s a cg:Statement }'

    Exit status: 0 answered, 1 the query is wrong or the store cannot be
    read (the message gives line and column), 2 usage error.
    """
    if list_queries:
        for named in named_queries().values():
            click.echo(f"{named.name:<24} {named.title}")
        return
    given = [source for source in (sparql, query_file, query_name) if source is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of: a SPARQL query, --file FILE.rq, --name NAME")
    if query_name is not None:
        try:
            text = named_query(query_name).text
        except KeyError as err:
            raise click.UsageError(str(err.args[0])) from None
    else:
        text = sparql if sparql is not None else query_file.read()
    bindings = dict(_binding(param) for param in params)
    store = _open_store(store_path)
    try:
        result = store.query(text, bindings)
        click.echo(format_answer(result, fmt), nl=False)
    except QueryError as err:
        click.echo(f"error: the query does not parse: {err}", err=True)
        sys.exit(1)
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    except OSError as err:
        click.echo(f"error: the query failed: {_one_line(err)}", err=True)
        sys.exit(1)
    finally:
        store.close()


def _binding(param: str) -> tuple[str, Term]:
    """NAME=VALUE from --param: <IRI> is an IRI, digits an integer, anything else a string."""
    name, sep, value = param.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not name.isidentifier():
        raise click.BadParameter(f"{param!r} is not NAME=VALUE", param_hint="--param")
    if value.startswith("<") and value.endswith(">"):
        return name, NamedNode(value[1:-1])
    if value.lstrip("-").isdigit():
        return name, OxLiteral(value, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return name, OxLiteral(value)


#: The tables `councilgraph tables` writes, each from the named query of the same name.
TABLES = ("statements", "alignments", "citations", "organisations", "instruments", "votes")


@main.command()
@click.argument("build_dir", type=StorePath, metavar="DIR")
@click.option("--out", "-o", "out_dir", type=OutDir, help="Where to write the CSV files.  [default: DIR/tables]")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
def tables(build_dir: Path, out_dir: Path | None, quiet: bool) -> None:
    """Write CSV tables (statements, alignments, citations, organisations, instruments, votes) from a build in DIR.

    Each table is the answer of the shipped query of the same name (see
    `councilgraph query --list`), in the W3C SPARQL CSV format: one header
    row, IRIs and literals as plain text, for pandas, R or a spreadsheet.
    """
    store = _open_store(build_dir)
    target = out_dir or build_dir / "tables"
    files = StagedFiles()
    try:
        counts = {}
        for name in TABLES:
            result = store.query(named_query(name).text)
            counts[name] = len(result.rows)
            files.write(target / f"{name}.csv", format_answer(result, "csv").encode("utf-8"))
        files.commit()
    except OSError as err:
        files.discard()
        click.echo(f"error: cannot write the tables in {target}: {err.strerror or err}", err=True)
        sys.exit(1)
    finally:
        store.close()
    if not quiet:
        for name, rows in counts.items():
            click.echo(f"{target / (name + '.csv')}: {rows} rows")


@main.command()
@click.option("--store", "-s", "store_path", type=StorePath, default=Path("out") / STORE_DIR, show_default=True,
              help="The store written by `councilgraph build` (or the build's output folder).")
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default=LOOPBACK, show_default=True,
              help="Address to listen on. Keep the loopback address unless others must reach it.")
@click.option("--writable", is_flag=True, help="Accept SPARQL UPDATE and Graph Store writes (read-only by default).")
def serve(store_path: Path, port: int, host: str, writable: bool) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (the oxigraph server) until Ctrl-C.

    \b
    Endpoints (default port):
      http://127.0.0.1:7878/query   SPARQL query (GET ?query=... or POST)
      http://127.0.0.1:7878/store   Graph Store protocol (?graph=IRI)
      http://127.0.0.1:7878/        a query page in the browser
    The default graph is the union of the documents, as in `councilgraph query`.
    """
    if not (store_path / "CURRENT").is_file() and (store_path / STORE_DIR / "CURRENT").is_file():
        store_path = store_path / STORE_DIR
    # SIGTERM (a service manager, `kill`) stops the server too, instead of leaving it running alone;
    # installed first, so that it also holds while the server is starting.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = None
    try:
        server = SparqlServer(store_path, port, host, writable)
        server.start()
        click.echo(f"SPARQL endpoint {server.url}/query on {store_path} ({'read-write' if writable else 'read-only'});"
                   " Ctrl-C stops it", err=True)
        status = server.wait()
    except StoreError as err:
        click.echo(f"error: {err}", err=True)
        status = 1
    except KeyboardInterrupt:
        status = 0
    finally:
        if server is not None:
            server.stop()
    sys.exit(status)


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


main.add_command(docs_command)


if __name__ == "__main__":  # pragma: no cover
    main()
