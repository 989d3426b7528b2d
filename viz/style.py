"""Colours and line styles shared by the page and the figures, so that both read the same way.

Node colours follow the kind of document (a colour-blind-safe palette); edge
colours and line styles follow the CiTO property that characterises the
citation (the opening phrase's function: "Recalling" cites for information,
"Reaffirming" confirms ...).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["CITO_STYLES", "KIND_STYLES", "CitoStyle", "KindStyle", "cito_style", "drawing_half_width", "edge_width",
           "kind_style", "node_size"]


@dataclass(frozen=True, slots=True)
class KindStyle:
    colour: str
    label: str


@dataclass(frozen=True, slots=True)
class CitoStyle:
    colour: str
    line: str  # "solid", "dashed" or "dotted" (the names Cytoscape.js uses)
    label: str


#: Node kinds (exports/network.py), in legend order.
KIND_STYLES: dict[str, KindStyle] = {
    "resolution": KindStyle("#0072B2", "Security Council resolution"),
    "ga-resolution": KindStyle("#56B4E9", "General Assembly resolution"),
    "presidential-statement": KindStyle("#CC79A7", "Presidential statement"),
    "document": KindStyle("#8C8C8C", "Other UN document"),
    "instrument": KindStyle("#E69F00", "Instrument (charter, treaty, agreement)"),
    "press-release": KindStyle("#000000", "Press release (its statements)"),
    "state": KindStyle("#009E73", "State (delegation)"),
    "organization": KindStyle("#D55E00", "Organization (delegation)"),
}

#: CiTO characterisations (ontology/opening_phrases.csv), in legend order.
CITO_STYLES: dict[str, CitoStyle] = {
    "cites": CitoStyle("#7F7F7F", "solid", "cites"),
    "citesForInformation": CitoStyle("#3D8FD6", "dashed", "cites for information"),
    "citesAsAuthority": CitoStyle("#6A3D9A", "solid", "cites as authority"),
    "confirms": CitoStyle("#2CA02C", "solid", "confirms"),
    "agreesWith": CitoStyle("#17A2B8", "solid", "agrees with"),
    "supports": CitoStyle("#A6A61C", "solid", "supports"),
    "extends": CitoStyle("#E377C2", "dashed", "extends"),
    "reviews": CitoStyle("#8C564B", "dotted", "reviews"),
    "disagreesWith": CitoStyle("#D62728", "dotted", "disagrees with"),
}

_OTHER_KIND = "#444444"
_OTHER_CITO = CitoStyle("#444444", "solid", "")


def kind_style(kind: str) -> KindStyle:
    """The style of a node kind; an unknown kind is drawn dark grey under its own name."""
    return KIND_STYLES.get(kind) or KindStyle(_OTHER_KIND, kind or "unknown")


def cito_style(cito: str) -> CitoStyle:
    """The style of a CiTO characterisation; an unknown one is drawn dark grey under its own name."""
    return CITO_STYLES.get(cito) or CitoStyle(_OTHER_CITO.colour, _OTHER_CITO.line, cito or "unknown")


def node_size(citations: int) -> float:
    """Node diameter in page pixels: grows with the square root of the citations received (area ~ citations)."""
    return round(14.0 + 7.0 * math.sqrt(max(citations, 0)), 1)


def edge_width(weight: int) -> float:
    """Edge width in page pixels: thicker when several citations share source, target, phrase and type."""
    return round(min(1.5 + 0.75 * (max(weight, 1) - 1), 6.0), 2)


def drawing_half_width(count: int) -> float:
    """Half the width of the page's drawing, in pixels, for ``count`` nodes (layout unit -> pixels)."""
    return max(400.0, 70.0 * math.sqrt(max(count, 1)))
