"""Node positions, computed once in Python and shared by the page and the figures.

ForceAtlas2 (``networkx.forceatlas2_layout``) with a fixed seed and strong
gravity: NumPy only (``spring_layout`` needs SciPy from 500 nodes on, which
the project does not depend on), and strong gravity keeps the many small
components and isolated documents of a citation network in a compact disc
around the main component. Documents that neither cite nor are cited
(a press release may mention a document nothing in it cites) go on an outer
ring, in order of kind and name, so they neither crowd nor stretch the
drawing. The coordinates are scaled into [-1, 1] (y up) and rounded, so the
same network always gives the same numbers.

ForceAtlas2 costs O(n²) memory and time per iteration; above
:data:`FORCE_LIMIT` nodes a sunflower spiral (most-cited at the centre) is
used instead, so a very large network still renders in seconds.
"""

from __future__ import annotations

import math

import networkx as nx

from councilgraph.viz.data import Network
from councilgraph.viz.style import KIND_STYLES

__all__ = ["FORCE_LIMIT", "SEED", "layout"]

SEED = 7
FORCE_LIMIT = 2000
_ITERATIONS = 100
_GRAVITY = 0.05
_DIGITS = 4
_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_STYLES)}


def layout(network: Network, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Positions by node id, in [-1, 1] × [-1, 1], y pointing up; the same for the same network and seed."""
    edges = sorted({tuple(sorted((e["source"], e["target"]))) for e in network["links"]
                    if e["source"] != e["target"]})
    linked = {end for edge in edges for end in edge}
    nodes = [node for node in network["nodes"] if node["id"] in linked]
    alone = [node for node in network["nodes"] if node["id"] not in linked]
    if len(nodes) > FORCE_LIMIT:
        raw = _sunflower(nodes)
    elif nodes:
        graph = nx.Graph()
        graph.add_nodes_from(node["id"] for node in nodes)
        graph.add_edges_from(edges)
        positions = nx.forceatlas2_layout(graph, seed=seed, max_iter=_ITERATIONS, strong_gravity=True,
                                          gravity=_GRAVITY)
        raw = {node: (float(xy[0]), float(xy[1])) for node, xy in positions.items()}
    else:
        raw = {}
    raw = _unit_disc(raw) if raw else {}
    raw.update(_ring(alone, len(network["nodes"]), inner=1.0 if raw else 0.0))
    return _normalise(raw) if raw else {}


def _sunflower(nodes: list[dict]) -> dict[str, tuple[float, float]]:
    """Nodes on a golden-angle spiral, the most cited first (at the centre)."""
    order = sorted(nodes, key=lambda n: (-n["citations"], n["id"]))
    golden = math.pi * (3.0 - math.sqrt(5.0))
    count = len(order)
    return {node["id"]: (math.sqrt((i + 0.5) / count) * math.cos(i * golden),
                         math.sqrt((i + 0.5) / count) * math.sin(i * golden)) for i, node in enumerate(order)}


def _ring(nodes: list[dict], total: int, inner: float) -> dict[str, tuple[float, float]]:
    """Unlinked nodes on concentric rings outside radius ``inner``, a node's width or more apart."""
    if not nodes:
        return {}
    order = sorted(nodes, key=lambda n: (_KIND_ORDER.get(n["kind"], len(_KIND_ORDER)), n["kind"],
                                         n["symbol"] or n["label"], n["id"]))
    gap = 0.8 / math.sqrt(total)  # about 55 page pixels, at the page's scale of 70 * sqrt(total) pixels per unit
    out: dict[str, tuple[float, float]] = {}
    radius, start = inner + 0.15 if inner else 0.0, 0
    while start < len(order):
        capacity = max(1, int(2 * math.pi * radius / gap)) if radius else 1
        ring = order[start:start + capacity]
        for i, node in enumerate(ring):
            angle = math.pi / 2 - 2 * math.pi * i / len(ring)  # clockwise from the top
            out[node["id"]] = (radius * math.cos(angle), radius * math.sin(angle))
        start += len(ring)
        radius += gap
    return out


def _unit_disc(raw: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Centred on the bounding box, scaled so that the farthest node is at radius 1."""
    xs = [x for x, _ in raw.values()]
    ys = [y for _, y in raw.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    radius = max(math.hypot(x - cx, y - cy) for x, y in raw.values()) or 1.0
    return {node: ((x - cx) / radius, (y - cy) / radius) for node, (x, y) in raw.items()}


def _normalise(raw: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    xs = [x for x, _ in raw.values()]
    ys = [y for _, y in raw.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {node: (round((x - cx) / half, _DIGITS) + 0.0, round((y - cy) / half, _DIGITS) + 0.0)
            for node, (x, y) in sorted(raw.items())}
