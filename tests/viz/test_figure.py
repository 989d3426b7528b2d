"""citations.svg and citations.png: valid, reproducible, and showing the network."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.image import imread

from councilgraph.viz.data import network_data
from councilgraph.viz.figure import render_figures
from councilgraph.viz.layout import layout
from councilgraph.viz.style import CITO_STYLES, KIND_STYLES

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def figures(seed_build: Path) -> tuple[bytes, bytes]:
    return (seed_build / "citations.svg").read_bytes(), (seed_build / "citations.png").read_bytes()


def _pixels(png: bytes) -> np.ndarray:
    return imread(io.BytesIO(png), format="png")


def _has_colour(pixels: np.ndarray, hex_colour: str, tolerance: float = 0.03) -> bool:
    rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return bool((np.abs(pixels[..., :3] - rgb).max(axis=-1) < tolerance).sum() >= 20)


def test_svg_is_valid_and_shows_the_network(figures: tuple[bytes, bytes], seed_network: dict) -> None:
    svg, _ = figures
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 1008 820.8"
    text = svg.decode("utf-8")
    for colour in ("#0072b2", "#cc79a7", "#8c8c8c", "#e69f00"):  # the four kinds of the seed network
        assert colour in text.lower()
    assert "<!-- S/RES/2331 (2016) -->" in text and "<!-- Citation network -->" in text  # labels, drawn as paths
    assert "<!-- cites for information -->" in text  # the CiTO legend
    assert sum(1 for _ in root.iter(f"{SVG}path")) > len(seed_network["links"])


def test_png_is_valid_and_not_blank(figures: tuple[bytes, bytes]) -> None:
    _, png = figures
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pixels = _pixels(png)
    assert pixels.shape[:2] == (2280, 2800)  # 14 x 11.4 inches at 200 dpi
    assert pixels[..., :3].std() > 0.03  # not a flat image
    rgb = (pixels[::2, ::2, :3] * 255).astype(np.uint32)
    assert len(np.unique(rgb[..., 0] << 16 | rgb[..., 1] << 8 | rgb[..., 2])) > 50  # distinct colours
    for colour in (KIND_STYLES["resolution"].colour, KIND_STYLES["instrument"].colour,
                   KIND_STYLES["presidential-statement"].colour):
        assert _has_colour(pixels, colour), colour
    drawing = pixels[200:, :2100, :3]  # the network itself, below the title and left of the legends
    assert (drawing.min(axis=-1) < 0.9).mean() > 0.01  # a good part of it is ink


def test_figures_are_reproducible(figures: tuple[bytes, bytes], seed_network: dict, seed_stamp: str) -> None:
    svg, png = render_figures(seed_network, stamp=seed_stamp)
    assert (svg, png) == figures
    assert b"Matplotlib v" not in svg and b"<dc:date>" not in svg
    assert b"Matplotlib version" not in png and b"Software\x00councilgraph" in png


def test_drawing_does_not_change_the_backend_or_open_windows() -> None:
    before = matplotlib.get_backend()
    render_figures({"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]})
    assert matplotlib.get_backend() == before


def test_every_citation_type_and_kind_can_be_drawn() -> None:
    nodes = [{"id": f"n{i}", "kind": kind, "label": f"Document {i}"} for i, kind in enumerate([*KIND_STYLES, "new"])]
    links = [{"source": nodes[i % len(nodes)]["id"], "target": nodes[(i + 1) % len(nodes)]["id"], "cito": cito}
             for i, cito in enumerate([*CITO_STYLES, "somethingNew"])]
    svg, png = render_figures({"nodes": nodes, "links": links})
    text = svg.decode("utf-8")
    assert "<!-- disagrees with -->" in text and "<!-- somethingNew -->" in text and "<!-- new -->" in text
    assert _pixels(png)[..., :3].std() > 0.03


def test_empty_network_gives_a_figure_that_says_so() -> None:
    svg, png = render_figures({"nodes": [], "links": []})
    assert "<!-- The citation network is empty. -->" in svg.decode("utf-8")
    assert png.startswith(b"\x89PNG")


def test_layout_can_be_passed_in(seed_network: dict, figures: tuple[bytes, bytes], seed_stamp: str) -> None:
    network = network_data(seed_network)
    assert render_figures(network, layout(network), seed_stamp) == figures


def _label_boxes(figure) -> list:
    """The drawn boxes (backing included) of the labels on the network's axes, in figure pixels."""
    figure.canvas.draw()  # places each label's backing
    renderer = figure.canvas.get_renderer()
    (axes,) = figure.axes
    return [text.get_bbox_patch().get_window_extent(renderer) for text in axes.texts]


@pytest.mark.parametrize("network", ["seed", "long labels at the edges"])
def test_no_label_leaves_the_drawing(network: str, seed_network: dict, labels_at_the_edges) -> None:
    from councilgraph.viz.figure import render_figure

    if network == "seed":
        data = network_data(seed_network)
        positions = layout(data)
    else:
        data, positions = network_data(labels_at_the_edges[0]), labels_at_the_edges[1]
    figure = render_figure(data, positions)
    boxes = _label_boxes(figure)
    assert len(boxes) >= 8
    axes = figure.axes[0].get_window_extent(figure.canvas.get_renderer())
    outside = [box for box in boxes if box.x0 < axes.x0 or box.x1 > axes.x1 or box.y0 < axes.y0 or box.y1 > axes.y1]
    assert outside == []  # inside the drawing square: not cut by the figure's edge, not over the legends


def test_png_is_printable(figures: tuple[bytes, bytes]) -> None:
    from PIL import Image

    _, png = figures
    with Image.open(io.BytesIO(png)) as image:
        assert min(image.info["dpi"]) >= 199.5  # PNG stores pixels per metre: 200 dpi reads back as 199.9996
