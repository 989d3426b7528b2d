"""``councilgraph docs``: write the HTML documentation of the ontology.

Registered on the main command group with ``main.add_command(docs_command)``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["docs_command"]


@click.command("docs", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--out", "-o", "out_dir", default="out/docs", show_default=True,
              type=click.Path(file_okay=False, dir_okay=True, writable=True, path_type=Path),
              help="Folder for index.html, created if missing. The file is replaced atomically.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
def docs_command(out_dir: Path, quiet: bool) -> None:
    """Write the HTML documentation of the councilgraph ontology to --out/index.html.

    \b
    One self-contained page (inline CSS, no scripts, no web fonts, readable
    offline): the ontology's metadata, a table of contents, a section per
    class, property and concept, the SHACL constraints of each class, and the
    namespace prefixes. Each term's section has its local name as anchor, so
    https://w3id.org/councilgraph/ontology#Statement maps to index.html#Statement.
    The same ontology always gives the same bytes (no timestamp).

    Prints the path written. Exit status: 0 written, 1 the file could not be
    written, 2 usage error.
    """
    # Imported here: rdflib and the page's modules are not worth loading for the other commands' start-up.
    from councilgraph.exports.base import atomic_write
    from councilgraph.ontology.docs import package_ontology_html

    path = out_dir / "index.html"
    try:
        atomic_write(path, package_ontology_html().encode("utf-8"))
    except OSError as err:
        click.echo(f"error: cannot write {path}: {err.strerror or err}", err=True)
        sys.exit(1)
    if not quiet:
        click.echo(str(path))
