"""``councilgraph viz DIR``: the page and figures of the citation network a build wrote.

Registered on the main command group in cli.py (``main.add_command(viz)``);
importing this module stays cheap, Matplotlib is loaded only when the command runs.

Exit status: 0 written; 1 DIR/citations.json is missing or unreadable, or an
output cannot be written; 2 usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["OUTPUTS", "viz", "viz_command", "write_visualisations"]

#: The files written, in order.
OUTPUTS = ("citations.html", "citations.svg", "citations.png")

_Dir = click.Path(file_okay=False, dir_okay=True, path_type=Path)


@click.command("viz", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("build_dir", metavar="DIR", type=_Dir)
@click.option("--out", "-o", "out_dir", type=_Dir, default=None,
              help="Folder for the page and figures, created if missing. Default: DIR.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
def viz(build_dir: Path, out_dir: Path | None, quiet: bool) -> None:
    """Draw the citation network of a build: DIR/citations.json (from councilgraph build).

    \b
    Writes, in --out (default DIR), each file replaced atomically:
      citations.html   an interactive page: search by symbol, click a document
                       to see what it cites and what cites it; works offline,
                       everything inlined
      citations.svg    a static figure (nodes coloured by kind, sized by
      citations.png    in-degree, edges by CiTO characterisation)
    Each carries the stamp of the build in DIR it was drawn from (the sha256
    of DIR/manifest.json), so that a later `councilgraph build` can say it
    is out of date. The same build always gives the same bytes.

    \b
    Example:
      councilgraph build examples/SC-13081.txt --out out/
      councilgraph viz out/
    """
    from councilgraph.derived import build_stamp
    from councilgraph.viz.data import NetworkError, read_network

    stamp = build_stamp(build_dir)  # first: a build replacing the files meanwhile makes these look stale, not new
    source = build_dir / "citations.json"
    try:
        network = read_network(source)
    except NetworkError as err:
        click.echo(f"error: {source}: {err}; run councilgraph build first", err=True)
        sys.exit(1)
    target = out_dir or build_dir
    try:
        written = write_visualisations(network, target, stamp)
    except OSError as err:
        click.echo(f"error: cannot write the visualisations in {target}: {err.strerror or err}", err=True)
        sys.exit(1)
    if not quiet:
        click.echo(f"{len(network['nodes'])} documents, {len(network['links'])} citations; wrote "
                   + ", ".join(str(p) for p in written))


def write_visualisations(network: Mapping[str, Any] | nx.Graph, out_dir: Path, stamp: str | None = None
                         ) -> list[Path]:
    """Render the page and figures of a network (computing the layout once), then write each atomically.

    ``stamp`` (see councilgraph.derived) names the build the network came from; each file records it."""
    from councilgraph.exports.base import atomic_write
    from councilgraph.viz.data import network_data
    from councilgraph.viz.figure import render_figures
    from councilgraph.viz.layout import layout
    from councilgraph.viz.page import render_page

    data = network_data(network)
    positions = layout(data)
    page = render_page(data, positions, stamp).encode("utf-8")
    svg, png = render_figures(data, positions, stamp)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / name for name in OUTPUTS]
    for path, content in zip(paths, (page, svg, png), strict=True):
        atomic_write(path, content)
    return paths


viz_command = viz
