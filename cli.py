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

from councilgraph import __version__
from councilgraph.exports import EXPORTERS, NETWORK_FORMATS, Exporter, StagedFiles
from councilgraph.exports.network import NetworkFacts
from councilgraph.pipeline import KINDS, BuiltDocument, InputError, build_path, expand_inputs

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
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
def build(inputs: tuple[str, ...], out_dir: Path, formats: tuple[str, ...], with_statements: bool, kind: str,
          quiet: bool) -> None:
    """Build the graph of press releases and resolution texts INPUT... (files, folders or glob patterns).

    \b
    Writes, in --out:
      graph.ttl           all documents merged, Turtle
      graph.nq            N-Quads, one named graph per document
      citations.graphml   the citation network (documents, instruments,
      citations.gexf      citations), for Gephi and other tools
      citations.json      the same as node-link JSON
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
        if not quiet:
            click.echo(document.summary())
    if not built:
        click.echo(f"0 document(s) built, {failures} failed; nothing written", err=True)
        sys.exit(1)
    try:
        for exporter in exporters:
            exporter.finalize()
        files.commit()
    except OSError as err:
        files.discard()
        click.echo(f"error: cannot write the output in {out_dir}: {err.strerror or err}", err=True)
        sys.exit(1)
    _remove_stale_outputs(out_dir, selected)
    if not quiet:
        names = ", ".join(str(e.path) for e in exporters)
        click.echo(f"{len(built)} document(s) built, {failures} failed; wrote {names}")
    if failures:
        sys.exit(1)


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
