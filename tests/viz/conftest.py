"""Shared fixtures: the seed build (citations.json) and its visualisations, made once per session."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from councilgraph.cli import main
from councilgraph.viz.command import viz


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, seed_path: Path) -> Path:
    """A folder with the seed's build outputs and, beside them, citations.html/.svg/.png from `viz`."""
    out = tmp_path_factory.mktemp("seed-viz")
    built = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "-q", "-f", "json"])
    assert built.exit_code == 0, built.output
    drawn = CliRunner().invoke(viz, [str(out), "-q"])
    assert drawn.exit_code == 0, drawn.output
    return out


@pytest.fixture(scope="session")
def seed_stamp(seed_build: Path) -> str:
    """The build the seed's page and figures were drawn from, as they record it."""
    from councilgraph.derived import build_stamp

    stamp = build_stamp(seed_build)
    assert stamp is not None
    return stamp


@pytest.fixture(scope="session")
def seed_network(seed_build: Path) -> dict:
    return json.loads((seed_build / "citations.json").read_text("utf-8"))


def _embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="councilgraph-data">(.*?)</script>', page, re.S)
    assert match, "no embedded network data"
    return json.loads(match.group(1))


@pytest.fixture(scope="session")
def labels_at_the_edges() -> tuple[dict, dict]:
    """A network and its positions: cited nodes with long titles on the drawing's edges and corners, so labelled
    where a label centred under its node would run off the figure."""
    spots = [(-1.0, 0.0), (1.0, 0.0), (0.0, 1.0), (0.0, -1.0), (-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0), (1.0, -1.0)]
    nodes = [{"id": f"n{i}", "label": "Convention on the Very Long Title of an Instrument " * 2, "kind": "instrument"}
             for i in range(len(spots))] + [{"id": "hub", "symbol": "S/RES/1 (2000)", "kind": "resolution"}]
    network = {"nodes": nodes, "links": [{"source": "hub", "target": f"n{i}", "weight": 40} for i in range(len(spots))]}
    return network, {**{f"n{i}": xy for i, xy in enumerate(spots)}, "hub": (0.3, 0.2)}


@pytest.fixture(scope="session")
def embedded_data():
    """A function: the JSON that a page's script reads."""
    return _embedded_data
