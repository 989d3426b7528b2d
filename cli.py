"""The ``councilgraph`` command line.

Exit status: 0 success; 1 one or more inputs could not be built (the others
still are) or the output could not be written; 2 usage error (bad option,
nothing to do).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from councilgraph import __version__
from councilgraph.derived import SHARDS_DIR, TABLES_DIR, TABLES_STAMP, build_stamp, stale_outputs
from councilgraph.ontology.docs_command import docs_command
from councilgraph.queries import named_queries, named_query
from councilgraph.queries.interruptible import interruptible
from councilgraph.queries.results import ANSWER_FORMATS, format_answer
from councilgraph.serve import DEFAULT_TIMEOUT, LOOPBACK, SparqlServer, serve_following
from councilgraph.store import (
    ONTOLOGY_GRAPH,
    STORE_DIR,
    DocumentStore,
    QueryError,
    StoreError,
    Term,
)
from councilgraph.viz.command import viz_command

# The modules that build, validate and export (rdflib, the extractors' patterns, the exporters) take
# most of a second to import: each command imports what it needs when it runs, so that `--help`,
# `query` and `serve` start without them.
if TYPE_CHECKING:
    from councilgraph.batch import BuildSummary, Executor, Outcome
    from councilgraph.queries import NamedQuery

T = TypeVar("T")

OutDir = click.Path(file_okay=False, dir_okay=True, writable=True, path_type=Path)


class _LazyChoice(click.Choice):
    """A choice whose values come from a module imported only when the option is used or its help shown."""

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:  # noqa: D107 - no super(): it sets choices
        self._load = load
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        return tuple(self._load())


def _format_names() -> list[str]:
    from councilgraph.exports import EXPORTERS

    return [*sorted(EXPORTERS), "all"]


def _kinds() -> tuple[str, ...]:
    from councilgraph.pipeline import KINDS

    return KINDS


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
              help="Output folder, created if missing. Its files are replaced together at the end.")
@click.option("--format", "-f", "formats", type=_LazyChoice(_format_names), multiple=True,
              help="Output format; repeat for several, or 'all'. Default: turtle, nquads, graphml, gexf, json.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=os.cpu_count() or 1, show_default="all cores",
              help="Documents built at once, each in its own process.")
@click.option("--prune", is_flag=True, help="Remove from the output the documents whose input is no longer given.")
@click.option("--with-statements", is_flag=True,
              help="In the citation network, add edges from each speaker's delegation to what it cites.")
@click.option("--kind", type=_LazyChoice(_kinds), default="auto", show_default=True,
              help="What the inputs are: detected from the text, or forced.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any document violates the SHACL shapes.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@click.option("--wait", is_flag=True, help="If another build is writing to --out, wait for it instead of exiting with 1.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", envvar="DASK_SCHEDULER_ADDRESS",
              help="Build the documents on the Dask cluster of this scheduler (needs councilgraph[dask]; "
                   "--jobs is then unused). Default: $DASK_SCHEDULER_ADDRESS, else the local processes.")
@click.option("--shards", type=click.IntRange(1), metavar="N",
              help="Also write the documents as N-Quads files of N documents each in --out/shards/, one named "
                   "graph per document, for a large store to bulk-load.")
def build(inputs: tuple[str, ...], out_dir: Path, formats: tuple[str, ...], jobs: int, prune: bool,
          with_statements: bool, kind: str, strict: bool, quiet: bool, wait: bool, scheduler: str | None,
          shards: int | None) -> None:
    """Build the graph of press releases and resolution texts INPUT... (files, folders or glob patterns).

    \b
    Writes, in --out:
      graph.ttl           all documents merged, Turtle
      graph.nq            N-Quads, one named graph per document
      graph.nt, .trig,    the same as N-Triples (merged), TriG and JSON-LD
      graph.jsonld        (named graphs), with --format ntriples/trig/jsonld
      citations.graphml   the citation network (documents, instruments,
      citations.gexf      citations), for Gephi and other tools
      citations.json      the same as node-link JSON
      validation.ttl      the SHACL validation report of every document
      validation.md       the same, readable, with the source text of each finding
      ontology.ttl        the councilgraph ontology the data uses
      shapes.ttl          the SHACL shapes it was validated with
      store/              an embedded SPARQL store (pyoxigraph), one named graph
                          per document, for `councilgraph query` and `serve`;
                          loaded from .councilgraph/ by the first of them after
                          the build (once), not by the build
      failures.tsv        the inputs that could not be built, and why
      manifest.json       each input's content hash, for incremental rebuilds;
                          written last, it names the store and files of the build
      shards/             with --shards N: part-00001.nq, ... N documents each
    A rebuild into the same folder builds only new and changed inputs; the
    documents of inputs not given again stay unless --prune. A file that
    cannot be read, is not a press release, or repeats the symbol of another
    input with different text gets a one-line error; the others are still
    built, and the exit status is then 1. Ctrl-C leaves the previous output as
    it was. One build at a time writes to a folder: a second one exits with 1
    (or waits, with --wait). With --scheduler, the documents' bytes are sent
    to a Dask cluster's workers and their fragments come back; the rest is
    done here, the same way. No scheduler there: one line, exit 1.
    """
    from councilgraph.batch import BuildOptions, ClusterError, build_archive  # not councilgraph.cluster: a local build
    from councilgraph.exports import DEFAULT_FORMATS, EXPORTERS
    from councilgraph.output import OutputBusy
    from councilgraph.pipeline import expand_inputs
    from councilgraph.validate import SEVERITIES, severity_summary

    paths = list(expand_inputs(inputs))
    if not paths:
        raise click.UsageError("no input files found (folders are searched for .txt and .html files)")
    selected = tuple(EXPORTERS) if "all" in formats else tuple(dict.fromkeys(formats)) or DEFAULT_FORMATS
    options = BuildOptions(selected, kind, with_statements)
    bar = not quiet and len(paths) > 1 and sys.stderr.isatty()
    failures: list[str] = []

    def report(outcome: Outcome, what: str) -> None:
        if what == "failed":
            failures.append(f"error: {outcome.path}: {outcome.error}")
            if not bar:
                click.echo(failures[-1], err=True)
        elif not quiet and not bar:
            name = Path(outcome.path).name
            click.echo(f"{name}: skipped, {outcome.summary}" if what == "same"
                       else f"{outcome.summary}; {severity_summary(dict(zip(SEVERITIES, outcome.counts, strict=True)))}")

    try:
        summary = build_archive(paths, out_dir, options, jobs=jobs, prune=prune, report=report,
                                progress=_progress if bar else None, wait=wait, executor=_executor(scheduler))
    except OutputBusy as err:
        click.echo(f"error: {err} (--wait waits for it)", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: the previous output in {out_dir} is unchanged", err=True)
        sys.exit(130)
    except OSError as err:
        click.echo(f"error: cannot write the output in {out_dir}: {err.strerror or err}", err=True)
        sys.exit(1)
    except ClusterError as err:
        click.echo(f"error: {err}; the output in {out_dir} is unchanged", err=True)
        sys.exit(1)
    if bar:
        for line in failures:
            click.echo(line, err=True)
    failed = len(summary.failures)
    if not summary.documents:
        click.echo(f"0 document(s) built, {failed} failed; nothing written", err=True)
        sys.exit(1)
    if shards:
        _write_shards(out_dir, shards, quiet)
    if not quiet:
        click.echo(_closing_line(summary, out_dir))
        _say_what_is_stale(out_dir)
    if summary.violating:
        click.echo(f"{summary.violating} document(s) violate the shapes; see {out_dir / 'validation.md'}", err=True)
    if failed or (strict and summary.violating):
        sys.exit(1)


def _write_shards(out_dir: Path, per_shard: int, quiet: bool) -> None:
    from councilgraph.shards import write_shards

    try:
        written = write_shards(out_dir, per_shard)
    except OSError as err:  # the build itself is committed: only the shards are missing
        click.echo(f"error: cannot write the shards in {out_dir / SHARDS_DIR}: {err.strerror or err}", err=True)
        sys.exit(1)
    if not quiet:
        click.echo(f"{len(written)} N-Quads shard(s) of up to {per_shard} documents in {out_dir / SHARDS_DIR}/")


def _executor(scheduler: str | None) -> Executor | None:
    """The Dask cluster at ``scheduler`` (None: the local processes)."""
    if not scheduler:
        return None
    try:
        import distributed  # noqa: F401 - only to say what is missing
    except ImportError:
        raise click.UsageError("--scheduler needs Dask: pip install 'councilgraph[dask]'") from None
    from councilgraph.cluster import DaskExecutor, scheduler_address

    try:
        return DaskExecutor(scheduler_address(scheduler))
    except ValueError as err:  # not an address at all: a usage error, before anything is built
        raise click.BadParameter(str(err), param_hint="'--scheduler'") from None


def _closing_line(summary: BuildSummary, out_dir: Path) -> str:
    if not summary.written:
        return (f"{summary.unchanged} document(s) unchanged, {len(summary.failures)} failed; "
                f"the output in {out_dir} is up to date")
    removed = f", {summary.removed} removed" if summary.removed else ""
    names = ", ".join(str(p) for p in summary.written)
    return (f"{summary.built} document(s) built, {summary.unchanged} unchanged, {len(summary.failures)} failed"
            f"{removed}; {summary.documents} in the graph; wrote {names}")


def _say_what_is_stale(out_dir: Path) -> None:
    """Name the page, figures and tables in ``out_dir`` that an earlier build made: they do not show this one."""
    stale = stale_outputs(out_dir)
    if stale:
        remake = [f"councilgraph {command} {out_dir}" for command, made in (("viz", "citations."), ("tables", "tables/"))
                  if any(name.startswith(made) for name in stale)]
        if f"{SHARDS_DIR}/" in stale:
            remake.append(f"councilgraph build ... --out {out_dir} --shards N")
        click.echo(f"note: {', '.join(stale)} in {out_dir} show an earlier build; remake with "
                   f"{' and '.join(remake)}", err=True)


def _progress(items: Iterator[T], total: int, label: str) -> Iterator[T]:
    """A progress bar on the terminal: items done, rate, and failed documents."""
    from councilgraph.batch import Outcome
    start = time.monotonic()
    state = {"done": 0, "failed": 0, "outcomes": 0}

    def status(_: object) -> str:
        rate = state["done"] / max(time.monotonic() - start, 1e-9)
        failed = f", {state['failed']} failed" if state["outcomes"] else ""  # storing has no failures to show
        return f"{rate:.1f} documents/s{failed}"

    with click.progressbar(length=total, label=f"{label:<9}", file=sys.stderr, show_pos=True,
                           item_show_func=status) as bar:
        for item in items:
            state["done"] += 1
            if isinstance(item, Outcome):
                state["outcomes"] += 1
                state["failed"] += item.error is not None
            bar.update(1, item)
            yield item


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE...")
def validate_command(files: tuple[Path, ...]) -> None:
    """Validate RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD) against the councilgraph shapes.

    Each named graph is a document (as `councilgraph build` writes graph.nq)
    and is checked on its own, as the build checks it; a graph named in
    several FILEs is merged. Triples outside named graphs (Turtle, N-Triples)
    are merged across FILEs and checked together. Prints the readable report.
    Exit status: 0 the data conforms (warnings and infos allowed), 1 a
    violation, 2 a file cannot be read.
    """
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from councilgraph.exports.nquads import ntriples_lines
    from councilgraph.validate import report_markdown, validate_ntriples

    graphs: dict[str, set[tuple]] = {}  # document IRI, or "" for the triples outside named graphs
    loose: list[str] = []  # the files that had such triples
    for path in files:
        # A dataset per file: rdflib's N-Quads parser drops what earlier files put in a dataset's default graph.
        dataset = Dataset()
        try:
            dataset.parse(path, format=_rdf_format(path))
        except FileNotFoundError:
            click.echo(f"error: {path}: no such file", err=True)
            sys.exit(2)
        except Exception as err:  # noqa: BLE001 - any parser error is a bad input, reported in one line
            click.echo(f"error: {path}: cannot read it as RDF ({type(err).__name__}: {_one_line(err)})", err=True)
            sys.exit(2)
        for s, p, o, graph in dataset.quads((None, None, None, None)):
            name = "" if graph in (None, DATASET_DEFAULT_GRAPH_ID) else str(graph)
            if name != ONTOLOGY_GRAPH:  # the ontology, in a store's dump, is not a document
                graphs.setdefault(name, set()).add((s, p, o))
        if dataset.default_graph:
            loose.append(path.name)
    if not graphs:
        click.echo(f"error: no triples read from {', '.join(map(str, files))}", err=True)
        sys.exit(2)
    names = {"": loose[0] if len(loose) == 1 else f"{len(loose)} files"}
    reports = [validate_ntriples(names.get(graph, graph), "".join(ntriples_lines(sorted(graphs[graph]))))
               for graph in sorted(graphs)]
    click.echo(report_markdown(reports, {}))
    sys.exit(0 if all(report.conforms for report in reports) else 1)


StorePath = click.Path(file_okay=False, dir_okay=True, path_type=Path)


def _open_store(path: Path) -> DocumentStore:
    """The store at ``path``, or in ``path/store`` when given a build's output folder; the first reader after
    a build loads it (saying so on a terminal), or in a folder it cannot write loads it into a temporary folder."""
    from councilgraph.loading import open_store

    try:
        return open_store(path, _note)
    except StoreError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    except OSError as err:  # loading it: a full disk, a folder in the way
        click.echo(f"error: cannot load the store of {path}: {err.strerror or _one_line(err)}", err=True)
        sys.exit(1)


def _note(line: str) -> None:
    """What a reader waits for (a build, the store's load): on a terminal only; a warning always."""
    if line.startswith(("note: ", "error: ")) or sys.stderr.isatty():
        click.echo(line, err=True)


@main.command()
@click.argument("sparql", required=False)
@click.option("--store", "-s", "store_path", type=StorePath, default=Path("out") / STORE_DIR, show_default=True,
              help="The store written by `councilgraph build` (or the build's output folder).")
@click.option("--file", "-f", "query_file", type=click.File("r", encoding="utf-8"), help="Read the query from a .rq file.")
@click.option("--name", "-n", "query_name", help="Run a named query shipped in queries/ (see --list).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME before the query runs. Repeatable, once per NAME.")
@click.option("--format", "fmt", type=click.Choice(ANSWER_FORMATS), default=None,
              help="table (the default), or the SPARQL results formats csv/tsv/json; for CONSTRUCT/DESCRIBE "
                   "turtle (their default) or ntriples.")
@click.option("--timeout", type=click.IntRange(1), metavar="SECONDS",
              help="Give up on the query after SECONDS (exit status 1); the store's load by the first reader "
                   "after a build is not counted (it is done once, for every later reader).  [default: no limit]")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and what they answer.")
def query(sparql: str | None, store_path: Path, query_file, query_name: str | None, params: tuple[str, ...],
          fmt: str | None, timeout: int | None, list_queries: bool) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the store of a build.

    Give the query as SPARQL, with --file, or by --name. The default graph is
    the union of all documents, and the prefixes cg:, id:, cito:, foaf:, org:,
    prov:, rdfs:, skos:, schema: and the others of the ontology are declared.

    \b
    Parameters of the named queries (--list shows which query takes which):
      meetingNumber  a meeting number: 8111
      symbol         a document symbol, or a resolution's number: 2331,
                     S/RES/2331(2016), resolution 2331 (2016), S/PRST/2015/25
      instrument     an instrument's title or another name: Palermo Protocol
      group          a State, organisation or group, by name or acronym: EU
      fact           an IRI: <https://...>, or doc/SC-13081/statement/15
    With a query of your own, --param binds <IRI>, an integer, or text.

    \b
    Examples:
      councilgraph query --list
      councilgraph query --name speakers --param meetingNumber=8111
      councilgraph query --name cited-by --param symbol=2331 --format csv
      councilgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s a cg:Statement }'

    Exit status: 0 answered, 1 the query is wrong, timed out or the store
    cannot be read (the message gives line and column), 2 usage error, 130
    interrupted by Ctrl-C.
    """
    if list_queries:
        for named in named_queries().values():
            takes = f" [{', '.join(named.parameters)}]" if named.parameters else ""
            click.echo(f"{named.name:<24} {named.title}{takes}")
        return
    given = [source for source in (sparql, query_file, query_name) if source is not None]
    if len(given) != 1:
        _usage("give exactly one of: a SPARQL query, --file FILE.rq, --name NAME")
    named = None
    if query_name is not None:
        try:
            named = named_query(query_name)
        except KeyError as err:
            _usage(str(err.args[0]))
        text = named.text
    else:
        text = sparql if sparql is not None else query_file.read()
    bindings = _bindings(params, named)
    store = None
    try:
        store = _open_store(store_path)
        click.echo(interruptible(lambda: _answer_text(store, text, bindings, fmt), timeout), nl=False)
    except QueryError as err:
        click.echo(f"error: the query does not parse: {err}", err=True)
        sys.exit(1)
    except ValueError as err:
        _usage(str(err))
    except TimeoutError:
        _abandon(f"error: the query did not finish within {timeout} s (--timeout); it was stopped", 1)
    except KeyboardInterrupt:
        _abandon("interrupted: the query was stopped", 130)
    except OSError as err:
        click.echo(f"error: the query failed: {_one_line(err)}", err=True)
        sys.exit(1)
    finally:
        if store is not None:
            store.close()


def _answer_text(store: DocumentStore, text: str, bindings: dict[str, Term], fmt: str | None) -> str:
    """The query's answer as text; without --format a table, or Turtle for triples (CONSTRUCT, DESCRIBE)."""
    result = store.query(text, bindings)
    return format_answer(result, fmt or ("turtle" if result.triples is not None else "table"))


def _usage(message: str) -> NoReturn:
    """A usage error of `query`: one line, exit status 2."""
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


def _abandon(message: str, status: int) -> NoReturn:
    """Leave a query still running on its worker thread: say why, then end the process at once.

    The thread cannot be stopped, and letting the interpreter shut down under it is unsafe; nothing
    is left to write (the store is open read-only).
    """
    click.echo(message, err=True)
    sys.stdout.flush()
    os._exit(status)


def _bindings(params: tuple[str, ...], named: NamedQuery | None) -> dict[str, Term]:
    """The --param values: a named query's parameters read by their kind, any other query's by their form."""
    from councilgraph.queries.parameters import parameter_value  # the reference tables' patterns

    bindings: dict[str, Term] = {}
    for param in params:
        name, value = _name_value(param)
        if name in bindings:
            _usage(f"--param {name} is given twice")
        if named is None:
            bindings[name] = _binding(value)
            continue
        takes = (f"{named.name} takes {', '.join(named.parameters)}" if named.parameters
                 else f"{named.name} takes no parameters")
        if name not in named.parameters:
            _usage(f"{named.name} has no parameter {name!r}; {takes}")
        try:
            bindings[name] = parameter_value(name, value)
        except ValueError as err:
            _usage(f"{err} ({takes})")
    return bindings


def _name_value(param: str) -> tuple[str, str]:
    """NAME=VALUE from --param (a leading ? or $ on NAME is allowed)."""
    name, sep, value = param.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not name.isidentifier():
        _usage(f"--param {param!r} is not NAME=VALUE")
    return name, value


def _binding(value: str) -> Term:
    """A --param value for a query of one's own: <IRI> is an IRI, digits an integer, anything else a string."""
    from pyoxigraph import Literal as OxLiteral
    from pyoxigraph import NamedNode

    if value.startswith("<") and value.endswith(">"):
        return NamedNode(value[1:-1])
    if value.lstrip("-").isdigit():
        return OxLiteral(value, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return OxLiteral(value)


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
    Beside them, build.stamp names the build they came from (the sha256 of
    DIR/manifest.json), so that a later `councilgraph build` can say they
    are out of date. Ctrl-C leaves the earlier tables as they were (exit status 130).
    """
    from councilgraph.exports import StagedFiles
    from councilgraph.output import interrupt_deferred

    stamp = build_stamp(build_dir)  # before the store: see councilgraph.derived
    target = out_dir or build_dir / TABLES_DIR
    try:
        store = _open_store(build_dir)  # the first reader after a build loads the store: long, and waits for a build
    except KeyboardInterrupt:
        _tables_interrupted(target)
    files = StagedFiles()
    try:
        counts = {}
        for name in TABLES:
            result = store.query(named_query(name).text)
            counts[name] = len(result.rows)
            files.write(target / f"{name}.csv", format_answer(result, "csv").encode("utf-8"))
        if stamp is not None:
            files.write(target / TABLES_STAMP, f"{stamp}\n".encode("ascii"))
        with interrupt_deferred():  # Ctrl-C now would leave old and new tables mixed: they are written
            files.commit()
            if stamp is None:  # an older stamp would vouch for tables it did not see made
                (target / TABLES_STAMP).unlink(missing_ok=True)
    except OSError as err:
        files.discard()
        click.echo(f"error: cannot write the tables in {target}: {err.strerror or err}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        files.discard()
        _tables_interrupted(target)
    finally:
        store.close()
    if not quiet:
        for name, rows in counts.items():
            click.echo(f"{target / (name + '.csv')}: {rows} rows")


def _tables_interrupted(target: Path) -> NoReturn:
    click.echo(f"\ninterrupted: no table was written in {target}", err=True)
    sys.exit(130)


@main.command()
@click.option("--store", "-s", "store_path", type=StorePath, default=Path("out") / STORE_DIR, show_default=True,
              help="The store written by `councilgraph build` (or the build's output folder).")
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default=LOOPBACK, show_default=True,
              help="Address to listen on (IPv4 or IPv6, e.g. ::1). Keep a loopback address unless others must reach it.")
@click.option("--timeout", type=click.IntRange(1), default=DEFAULT_TIMEOUT, show_default=True, metavar="SECONDS",
              help="Give up on a query after SECONDS.")
@click.option("--writable", is_flag=True, help="Accept SPARQL UPDATE and Graph Store writes (read-only by default).")
def serve(store_path: Path, port: int, host: str, timeout: int, writable: bool) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (the oxigraph server) until Ctrl-C.

    \b
    Endpoints (default port):
      http://127.0.0.1:7878/query   SPARQL query (GET ?query=... or POST)
      http://127.0.0.1:7878/store   Graph Store protocol (?graph=IRI)
      http://127.0.0.1:7878/        a query page in the browser
    The default graph is the union of the documents, as in `councilgraph query`.
    A query still running after --timeout is stopped (its answer is cut off).
    The store of a build is loaded first if no reader has loaded it yet.
    When a build replaces the store, the server loads the new one and restarts on it.
    """
    # SIGTERM (a service manager, `kill`) stops the server too, instead of leaving it running alone;
    # installed first, so that it also holds while the server is starting.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = None
    try:
        server = SparqlServer(store_path, port, host, writable, timeout, announce=_note)
        server.start()
        click.echo(f"SPARQL endpoint {server.url}/query on {server.store} ({'read-write' if writable else 'read-only'});"
                   " Ctrl-C stops it", err=True)
        status = serve_following(server, store_path, lambda line: click.echo(line, err=True))
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


main.add_command(docs_command)
main.add_command(viz_command)


if __name__ == "__main__":  # pragma: no cover
    main()
