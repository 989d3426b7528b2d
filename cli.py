"""The ``councilgraph`` command line.

Exit status: 0 success; 1 one or more inputs could not be built (the others
still are); 2 usage error (bad option, nothing to do).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from councilgraph import __version__
from councilgraph.exports import EXPORTERS
from councilgraph.pipeline import InputError, build_path, expand_inputs

OutDir = click.Path(file_okay=False, dir_okay=True, writable=True, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="councilgraph")
def main() -> None:
    """Turn UN meetings-coverage press releases into a linked-data knowledge graph.

    \b
    Example:
      councilgraph build examples/SC-13081.txt --out out/
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "-o", "out_dir", type=OutDir, required=True,
              help="Output folder; created if missing. Existing files in it are replaced atomically.")
@click.option("--format", "-f", "formats", type=click.Choice(sorted(EXPORTERS)), multiple=True,
              help="Output format; repeat for several. Default: turtle and nquads.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
def build(inputs: tuple[str, ...], out_dir: Path, formats: tuple[str, ...], quiet: bool) -> None:
    """Build the graph of press releases INPUT... (files, folders or glob patterns).

    \b
    Writes, in --out:
      graph.ttl   all documents merged, Turtle
      graph.nq    N-Quads, one named graph per press release
    Prints one line per document (statements, alignments, triples, findings).
    A file that cannot be read or is not a press release gets a one-line error;
    the others are still built, and the exit status is then 1.
    """
    paths = list(expand_inputs(inputs))
    if not paths:
        raise click.UsageError("no input files found")
    exporters = [EXPORTERS[name][0](out_dir / EXPORTERS[name][1]) for name in (formats or ("turtle", "nquads"))]
    failures = 0
    built = 0
    with click.progressbar(paths, label="Building", file=sys.stderr,
                           show_pos=True) if _show_progress(quiet, paths) else _plain(paths) as items:
        for path in items:
            try:
                document = build_path(path)
            except InputError as err:
                failures += 1
                click.echo(f"error: {path}: {err}", err=True)
                continue
            built += 1
            for exporter in exporters:
                exporter.write(document.graph)
            if not quiet:
                click.echo(document.summary())
    if built:
        for exporter in exporters:
            exporter.finalize()
        if not quiet:
            names = ", ".join(str(e.path) for e in exporters)
            click.echo(f"{built} document(s) built, {failures} failed; wrote {names}")
    else:
        click.echo(f"error: none of the {len(paths)} input(s) could be built; nothing written", err=True)
    if failures:
        sys.exit(1)


def _show_progress(quiet: bool, paths: list[Path]) -> bool:
    return not quiet and len(paths) > 1 and sys.stderr.isatty()


class _plain:
    """Stand-in for click.progressbar when no bar is shown."""

    def __init__(self, items: list[Path]) -> None:
        self.items = items

    def __enter__(self) -> list[Path]:
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":  # pragma: no cover
    main()
