"""citations.svg and citations.png: the citation network as a static figure.

Drawn with Matplotlib's object API on an explicit Agg canvas (no pyplot, no
display, no change to the process's backend), at the positions of
:mod:`.layout` (the page's positions), with the page's colours: nodes by kind,
area by in-degree, edges by CiTO characterisation (colour and line style),
arrowheads at the cited end, and labels on the most-cited documents.

Both files are reproducible: a fixed SVG hash salt, no date and no Matplotlib
version in the metadata, glyphs drawn as paths.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from typing import Any

import matplotlib as mpl
import networkx as nx
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D

from councilgraph.viz.data import Network, network_data
from councilgraph.viz.layout import layout
from councilgraph.viz.style import (
    CITO_STYLES,
    KIND_STYLES,
    cito_style,
    drawing_half_width,
    edge_width,
    kind_style,
    node_size,
)

__all__ = ["render_figure", "render_figures"]

_WIDTH, _HEIGHT = 14.0, 11.4  # inches
_AXES = 10.4  # inches: the square drawing area, under the title
_DPI = 100  # the figure's own resolution; sizes are in inches and points
_PNG_DPI = 200  # citations.png: sharp enough to print or zoom into
_MARGIN = 1.15  # data units around the [-1, 1] square (room for the labels of the outermost nodes)
_LABELLED = 15  # most-cited nodes labelled in larger networks
_LABEL_ALL = 40  # networks up to this size get every node labelled
_LINESTYLES = {"solid": "-", "dashed": (0, (5, 3)), "dotted": (0, (1, 2))}
_RC = {"svg.hashsalt": "councilgraph", "svg.fonttype": "path", "path.simplify": True, "font.family": "DejaVu Sans"}


def render_figures(network: Mapping[str, Any] | nx.Graph,
                   positions: Mapping[str, tuple[float, float]] | None = None,
                   stamp: str | None = None) -> tuple[bytes, bytes]:
    """The SVG and PNG bytes of the network's figure (one drawing, saved twice); ``stamp`` (the build the
    network came from, see councilgraph.derived) goes in their metadata as the description."""
    described = {"Description": stamp} if stamp else {}
    with mpl.rc_context(_RC):  # type: ignore[arg-type]  # matplotlib types rc keys as literals
        figure = render_figure(network, positions)
        svg, png = io.BytesIO(), io.BytesIO()
        figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": "councilgraph", **described})
        figure.savefig(png, format="png", dpi=_PNG_DPI, metadata={"Software": "councilgraph", **described})
    return svg.getvalue(), png.getvalue()


def render_figure(network: Mapping[str, Any] | nx.Graph,
                  positions: Mapping[str, tuple[float, float]] | None = None) -> Figure:
    """The Matplotlib figure of the network (on an Agg canvas)."""
    data = network_data(network)
    if positions is None:
        positions = layout(data)
    figure = Figure(figsize=(_WIDTH, _HEIGHT), dpi=_DPI, facecolor="white")
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.2 / _WIDTH, 0.1 / _HEIGHT, _AXES / _WIDTH, _AXES / _HEIGHT))
    axes.set_xlim(-_MARGIN, _MARGIN)
    axes.set_ylim(-_MARGIN, _MARGIN)
    axes.set_axis_off()
    nodes, links = data["nodes"], data["links"]
    # Page pixels -> figure points: the zoom at which the page shows the whole drawing in this square.
    zoom = _AXES * 72 / (2 * _MARGIN * drawing_half_width(len(nodes)))
    per_point = 2 * _MARGIN / (_AXES * 72)  # data units per point
    diameter = {n["id"]: max(node_size(n["citations"]) * zoom, 2.5) for n in nodes}
    if nodes:
        _draw_edges(axes, links, positions, diameter, zoom, per_point)
        xy = np.array([positions.get(n["id"], (0.0, 0.0)) for n in nodes], dtype=float)
        axes.scatter(xy[:, 0], xy[:, 1], s=[diameter[n["id"]] ** 2 for n in nodes],
                     c=[kind_style(n["kind"]).colour for n in nodes], edgecolors="white",
                     linewidths=0.4, zorder=3)
        _draw_labels(axes, nodes, positions, diameter, per_point)
    else:
        axes.text(0, 0, "The citation network is empty.", ha="center", va="center", fontsize=14, color="#555555")
    figure.text(0.2 / _WIDTH, 1 - 0.35 / _HEIGHT, "Citation network", fontsize=16, fontweight="bold", va="top")
    figure.text(0.2 / _WIDTH, 1 - 0.75 / _HEIGHT,
                f"{len(nodes)} documents, {len(links)} citations. Arrows point from the citing to the cited "
                "document; circle area grows with the citations a document receives.",
                fontsize=9, color="#444444", va="top")
    _draw_legends(figure, data)
    return figure


def _draw_edges(axes, links: list[dict], positions: Mapping[str, tuple[float, float]],
                diameter: Mapping[str, float], zoom: float, per_point: float) -> None:
    """Lines grouped by CiTO type (one collection per line style) and one collection of arrowheads."""
    groups: dict[str, list[dict]] = {}
    for link in links:
        if link["source"] != link["target"]:
            groups.setdefault(link["cito"], []).append(link)
    heads, head_colours = [], []
    head = max(6.0 * zoom, 2.5) * per_point  # arrowhead length, data units
    for cito in sorted(groups, key=lambda c: (c not in CITO_STYLES, _index(CITO_STYLES, c), c)):
        style = cito_style(cito)
        segments, widths = [], []
        for link in groups[cito]:
            (x0, y0), (x1, y1) = positions[link["source"]], positions[link["target"]]
            length = math.hypot(x1 - x0, y1 - y0)
            if length == 0:
                continue
            ux, uy = (x1 - x0) / length, (y1 - y0) / length
            tip = diameter[link["target"]] / 2 * per_point
            tx, ty = x1 - ux * tip, y1 - uy * tip  # the arrow stops at the cited node's rim
            segments.append(((x0, y0), (tx, ty)))
            widths.append(max(0.3, edge_width(link["weight"]) * zoom * 0.6))
            bx, by = tx - ux * head, ty - uy * head
            heads.append(((tx, ty), (bx - uy * head * 0.4, by + ux * head * 0.4),
                          (bx + uy * head * 0.4, by - ux * head * 0.4)))
            head_colours.append(style.colour)
        axes.add_collection(LineCollection(segments, colors=style.colour, linewidths=widths,
                                           linestyles=_LINESTYLES.get(style.line, "-"), alpha=0.65, zorder=1))
    if heads:
        axes.add_collection(PolyCollection(heads, facecolors=head_colours, edgecolors="none", alpha=0.8, zorder=2))


def _draw_labels(axes, nodes: list[dict], positions: Mapping[str, tuple[float, float]],
                 diameter: Mapping[str, float], per_point: float) -> None:
    """Labels under (or else over) the chosen nodes, most cited first; a label that would overlap is left out.

    Each label's box is measured with the font and kept inside the drawing square, slid sideways (or up and
    down) when its node is near an edge: a label is never cut off by the figure's edge nor runs into the
    legends beside it.
    """
    small = len(nodes) <= _LABEL_ALL
    if small:
        chosen = sorted(nodes, key=lambda n: (-n["citations"], n["id"]))
    else:
        chosen = sorted((n for n in nodes if n["citations"] >= 2), key=lambda n: (-n["citations"], n["id"]))
        chosen = chosen[:_LABELLED]
    size = 7.0 if small else 8.0
    weight = "normal" if small else "bold"
    backing = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.75}
    renderer = axes.figure.canvas.get_renderer()
    font = FontProperties(family=_RC["font.family"], size=size, weight=weight)
    limit = _MARGIN / per_point  # half the drawing square, in points
    placed: list[tuple[float, float, float, float]] = []  # boxes in points
    for node in chosen:
        text = node["symbol"] or node["label"]
        if len(text) > 34:
            text = text[:33].rstrip() + "…"
        x, y = positions.get(node["id"], (0.0, 0.0))
        px, py = x / per_point, y / per_point
        width, height, _ = renderer.get_text_width_height_descent(text, font, ismath=False)
        pad = 0.15 * size + 1.0  # the backing's padding, and a point to spare
        width, height = width * 72 / axes.figure.dpi + 2 * pad, height * 72 / axes.figure.dpi + 2 * pad
        gap = diameter[node["id"]] / 2 + 1.5
        for dy, va in ((-gap, "top"), (gap, "bottom")):
            top = py + dy if va == "bottom" else py + dy - height
            dx = _inside(px - width / 2, width, limit) - (px - width / 2)
            shift = _inside(top, height, limit) - top
            box = (px + dx - width / 2, top + shift, px + dx + width / 2, top + shift + height)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                placed.append(box)
                axes.annotate(text, (x, y), xytext=(dx, dy + shift), textcoords="offset points", ha="center",
                              va=va, fontsize=size, fontweight=weight, color="#222222", bbox=backing, zorder=4,
                              annotation_clip=False)
                break


def _inside(start: float, length: float, limit: float) -> float:
    """``start`` moved so that [start, start + length] lies within [-limit, limit] (centred if it cannot)."""
    if length >= 2 * limit:
        return -length / 2
    return min(max(start, -limit), limit - length)


def _draw_legends(figure: Figure, data: Network) -> None:
    kinds = sorted({n["kind"] for n in data["nodes"]}, key=lambda k: (k not in KIND_STYLES, _index(KIND_STYLES, k), k))
    citos = sorted({e["cito"] for e in data["links"]}, key=lambda c: (c not in CITO_STYLES, _index(CITO_STYLES, c), c))
    left = (_AXES + 0.35) / _WIDTH
    kind_handles = [Line2D([], [], marker="o", linestyle="none", markersize=9, markerfacecolor=kind_style(k).colour,
                           markeredgecolor="white", label=kind_style(k).label) for k in kinds]
    cito_handles = [Line2D([], [], color=cito_style(c).colour, linewidth=2,
                           linestyle=_LINESTYLES.get(cito_style(c).line, "-"),  # type: ignore[arg-type]
                           label=cito_style(c).label)
                    for c in citos]
    if kind_handles:
        figure.legend(handles=kind_handles, title="Documents", loc="upper left", bbox_to_anchor=(left, 0.9),
                      fontsize=8, title_fontsize=9, frameon=False, alignment="left")
    if cito_handles:
        figure.legend(handles=cito_handles, title="Citations (CiTO)", loc="upper left",
                      bbox_to_anchor=(left, 0.62), fontsize=8, title_fontsize=9, frameon=False, alignment="left",
                      handlelength=3)


def _index(known: Mapping[str, object], key: str) -> int:
    return list(known).index(key) if key in known else 0
