"""citations.html: the citation network as one self-contained, offline page.

Everything is inlined: the vendored Cytoscape.js bundle (static/cytoscape.min.js,
see static/VENDORED.md), the page's own script and style (static/page.js,
static/page.css) and the network itself, as JSON in a
``<script type="application/json">`` element. A Content-Security-Policy
forbids every fetch, so the page works from a file, offline, and cannot leak
anything when opened.

The layout is *preset*: positions are computed in Python (:mod:`.layout`) and
written into the page, so the drawing is the same in every browser, needs no
layout time on open, and matches the static figures. The same network gives
the same bytes (sorted data, rounded coordinates, no dates).

For tests and scripts the page exposes a read-only ``window.councilgraphViz``
(``ready``, ``nodeCount``, ``edgeCount``, ``cy``, ``selected``, ``find(query)``,
``select(id)``) and sets ``document.body.dataset.ready = "true"`` once drawn.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Mapping
from importlib import resources
from typing import Any

import networkx as nx

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

__all__ = ["page_data", "render_page", "script_json", "static_text"]

TITLE = "Citation network"
LIBRARY = "cytoscape.min.js"


def render_page(network: Mapping[str, Any] | nx.Graph, positions: Mapping[str, tuple[float, float]] | None = None,
                stamp: str | None = None) -> str:
    """The HTML page of a network (node-link data or a NetworkX graph); positions default to :func:`.layout`.

    ``stamp`` names the build the network came from (councilgraph.derived), kept in a ``<meta>`` element."""
    data = network_data(network)
    if positions is None:
        positions = layout(data)
    payload = page_data(data, positions)
    library = static_text(LIBRARY)
    script = static_text("page.js")
    for name, text in ((LIBRARY, library), ("page.js", script)):
        if "</script" in text.lower() or "<!--" in text:
            raise ValueError(f"{name} cannot be inlined in a <script> element")
    style = static_text("page.css")
    if "</style" in style.lower():
        raise ValueError("page.css cannot be inlined in a <style> element")
    counts = f"{len(payload['nodes'])} documents, {len(payload['edges'])} citations"
    return _TEMPLATE.format(
        title=html.escape(f"{TITLE} ({counts})"),
        build=f'<meta name="councilgraph-build" content="{html.escape(stamp)}">\n' if stamp else "",
        heading=html.escape(TITLE),
        counts=html.escape(counts),
        kinds="".join(_kind_item(k) for k in payload["kinds"]),
        citos="".join(_cito_item(c) for c in payload["citos"]),
        style=style,
        data=script_json(payload),
        library=library,
        script=script,
    )


def page_data(data: Network, positions: Mapping[str, tuple[float, float]]) -> dict[str, Any]:
    """What the page's script reads: nodes with pixel positions and styles, edges, legend entries."""
    half = drawing_half_width(len(data["nodes"]))
    nodes = []
    for node in data["nodes"]:
        x, y = positions.get(node["id"], (0.0, 0.0))
        nodes.append({**node, "x": round(x * half, 1) + 0.0, "y": round(-y * half, 1) + 0.0,  # screen y points down
                      "size": node_size(node["citations"]), "colour": kind_style(node["kind"]).colour,
                      "short": node["symbol"] or node["label"]})
    prefix = "edge-"  # edge ids must not be node ids (one id space in Cytoscape.js)
    while any(node["id"].startswith(prefix) for node in data["nodes"]):
        prefix = "_" + prefix
    edges = []
    for i, link in enumerate(data["links"]):
        style = cito_style(link["cito"])
        edges.append({"id": f"{prefix}{i}", "source": link["source"], "target": link["target"],
                      "phrase": link["phrase"], "cito": link["cito"], "paragraph": link["paragraph"],
                      "weight": link["weight"], "colour": style.colour, "line": style.line,
                      "width": edge_width(link["weight"])})
    kinds = Counter(n["kind"] for n in data["nodes"])
    citos = Counter(e["cito"] for e in data["links"])
    return {
        "nodes": nodes,
        "edges": edges,
        "kinds": [{"kind": k, "label": kind_style(k).label, "colour": kind_style(k).colour, "count": kinds[k]}
                  for k in _ordered(kinds, KIND_STYLES)],
        "citos": [{"cito": c, "label": cito_style(c).label, "colour": cito_style(c).colour,
                   "line": cito_style(c).line, "count": citos[c]} for c in _ordered(citos, CITO_STYLES)],
    }


def script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element: no ``</script>``, no ``<!--``, no line separators."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def static_text(name: str) -> str:
    """A file of the package's static/ folder."""
    return resources.files("councilgraph.viz").joinpath("static", name).read_text("utf-8")


def _ordered(counts: Counter[str], known: Mapping[str, object]) -> list[str]:
    return [k for k in known if k in counts] + sorted(k for k in counts if k not in known)


def _kind_item(entry: Mapping[str, Any]) -> str:
    return (f'<li data-kind="{html.escape(entry["kind"])}"><span class="swatch" style="background:{entry["colour"]}">'
            f'</span>{html.escape(entry["label"])} <span class="count">{entry["count"]}</span></li>')


def _cito_item(entry: Mapping[str, Any]) -> str:
    return (f'<li data-cito="{html.escape(entry["cito"])}"><span class="stroke" '
            f'style="border-top:3px {entry["line"]} {entry["colour"]}"></span>{html.escape(entry["label"])} '
            f'<span class="count">{entry["count"]}</span></li>')


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; \
style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="councilgraph">
{build}<title>{title}</title>
<style>
{style}</style>
</head>
<body data-ready="false">
<header>
<h1>{heading}</h1>
<p id="counts">{counts}</p>
<form id="search" role="search" autocomplete="off">
<label for="search-input">Find a document</label>
<input id="search-input" name="q" type="search" list="search-symbols" placeholder="S/RES/2331 (2016) or 2331">
<button type="submit">Find</button>
<button id="reset" type="button">Show all</button>
</form>
<p id="search-message" role="status" aria-live="polite"></p>
<datalist id="search-symbols"></datalist>
</header>
<main>
<div id="graph" role="img" aria-label="Citation network: documents as circles, citations as arrows"></div>
<aside id="panel">
<section id="details" aria-live="polite">
<p class="hint">Click a document, or find one by its symbol, to see what it cites and what cites it.</p>
</section>
<section id="legend">
<h2>Documents</h2>
<ul class="legend">{kinds}</ul>
<p class="note">Circle area grows with the citations a document receives (each statement of a press release \
counts one).</p>
<h2>Citations (CiTO characterisation)</h2>
<ul class="legend">{citos}</ul>
<p class="note">Arrows point from the citing document to the cited one.</p>
</section>
</aside>
</main>
<noscript><p class="noscript">This page draws the network with JavaScript; the data is also in citations.json.</p>\
</noscript>
<script type="application/json" id="councilgraph-data">{data}</script>
<script>
{library}</script>
<script>
{script}</script>
</body>
</html>
"""
