"""The seed's citations.html in a real browser: Debian's Chromium, driven by Playwright for Python.

Skipped only on a machine without /usr/bin/chromium and without CI set; on CI
(which installs Debian's chromium in .ci/run) a missing browser fails the test.
Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imread

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
R2331 = "https://w3id.org/councilgraph/id/doc/S-RES-2331-2016"
R2388 = "https://w3id.org/councilgraph/id/doc/S-RES-2388-2017"
SC13081 = "https://w3id.org/councilgraph/id/doc/SC-13081"
VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser test (.ci/run installs Debian's chromium)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); CI runs this test")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def opened(browser, seed_build: Path):
    """The seed's page, drawn; with every request and script error it caused."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto((seed_build / "citations.html").as_uri())
    page.wait_for_selector('body[data-ready="true"]', timeout=30_000)
    yield page, requests, errors
    context.close()
    assert errors == []
    offline = [url for url in requests if not url.startswith(("file://", "data:"))]
    assert offline == [], f"the page made network requests: {offline}"


def test_every_node_and_edge_is_drawn(opened, seed_network: dict) -> None:
    page, requests, _ = opened
    counts = page.evaluate("""() => {
        const viz = window.councilgraphViz, cy = viz.cy, box = cy.extent();
        const inside = cy.nodes().filter(n => {
            const p = n.position();
            return p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2;
        });
        return {nodes: cy.nodes().length, edges: cy.edges().length, visibleNodes: cy.nodes(':visible').length,
                visibleEdges: cy.edges(':visible').length, inView: inside.length,
                dataNodes: viz.nodeCount, dataEdges: viz.edgeCount, ready: viz.ready};
    }""")
    n, m = len(seed_network["nodes"]), len(seed_network["links"])
    assert counts == {"nodes": n, "edges": m, "visibleNodes": n, "visibleEdges": m, "inView": n,
                      "dataNodes": n, "dataEdges": m, "ready": True}
    assert page.inner_text("#counts") == f"{n} documents, {m} citations"
    assert requests == [(Path(requests[0][len("file://"):])).as_uri()]  # the page itself, nothing else


def test_the_test_hook_is_read_only(opened) -> None:
    page, _, _ = opened
    assert page.evaluate("""() => {
        try { window.councilgraphViz = null; } catch (e) {}
        try { window.councilgraphViz.nodeCount = 0; } catch (e) {}
        return [Object.isFrozen(window.councilgraphViz), window.councilgraphViz.nodeCount];
    }""") == [True, 31]


def test_search_by_full_symbol_selects_centres_and_details(opened) -> None:
    page, _, _ = opened
    page.fill("#search-input", "S/RES/2331 (2016)")
    page.press("#search-input", "Enter")
    assert page.inner_text("#search-message") == "Found S/RES/2331 (2016)"
    assert page.get_attribute("#search-message", "data-result") == "found"
    assert page.inner_text("#details-title") == "S/RES/2331 (2016)"
    assert page.inner_text("#details-year") == "2016"
    assert page.inner_text("#details-kind") == "Security Council resolution"
    assert page.inner_text("#cites-list") == "none"
    cited_by = page.locator("#cited-by-list > li")
    assert [cited_by.nth(i).get_attribute("data-id") for i in range(cited_by.count())] == [R2388, SC13081]
    assert "S/RES/2388 (2017)" in cited_by.first.inner_text() and "Recalling" in cited_by.first.inner_text()
    assert page.inner_text("#details-in-degree") == "2 documents, 12 citations"  # the release's statements count
    state = page.evaluate("""() => {
        const viz = window.councilgraphViz, node = viz.cy.getElementById(viz.selected), p = node.renderedPosition();
        return {selected: viz.selected, focus: node.hasClass('focus'), faded: viz.cy.elements('.faded').length,
                dx: Math.abs(p.x - viz.cy.width() / 2), dy: Math.abs(p.y - viz.cy.height() / 2)};
    }""")
    assert state["selected"] == R2331 and state["focus"] and state["faded"] > 0
    assert state["dx"] < 2 and state["dy"] < 2  # centred


def test_search_by_number_finds_the_same_resolution(opened) -> None:
    page, _, _ = opened
    page.fill("#search-input", "2331")
    page.click("#search button[type=submit]")
    assert page.inner_text("#details-title") == "S/RES/2331 (2016)"
    assert page.evaluate("window.councilgraphViz.find('2331')") == [R2331]


def test_search_without_match_says_so(opened) -> None:
    page, _, _ = opened
    page.fill("#search-input", "S/RES/9999 (2099)")
    page.press("#search-input", "Enter")
    message = page.locator("#search-message")
    assert message.is_visible()
    assert message.inner_text() == "No document matches \u201cS/RES/9999 (2099)\u201d."
    assert message.get_attribute("data-result") == "not-found"
    assert "not-found" in message.get_attribute("class")


def test_clicking_a_node_shows_what_it_cites(opened, seed_network: dict) -> None:
    page, _, _ = opened
    x, y = page.evaluate(f"""() => {{
        const cy = window.councilgraphViz.cy, p = cy.getElementById({R2388!r}).renderedPosition();
        const box = cy.container().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }}""")
    page.mouse.click(x, y)
    assert page.inner_text("#details-title") == "S/RES/2388 (2017)"
    assert page.inner_text("#details-year") == "2017"
    targets = {link["target"] for link in seed_network["links"] if link["source"] == R2388}
    cites = page.locator("#cites-list > li")
    assert cites.count() == len(targets) > 20
    assert {cites.nth(i).get_attribute("data-id") for i in range(cites.count())} == targets
    cited_by = page.locator("#cited-by-list > li")  # by the speakers of the release that reports its adoption
    assert cited_by.count() == 1 and cited_by.first.get_attribute("data-id") == SC13081
    assert page.evaluate("window.councilgraphViz.selected") == R2388
    page.locator("#cites-list button", has_text="S/RES/2331 (2016)").click()  # follow a citation
    assert page.inner_text("#details-title") == "S/RES/2331 (2016)"
    page.click("#reset")
    assert page.evaluate("window.councilgraphViz.selected") is None
    assert page.evaluate("window.councilgraphViz.cy.elements('.faded').length") == 0


def test_screenshot_is_not_blank(opened, tmp_path: Path) -> None:
    page, _, _ = opened
    png = page.screenshot()
    (tmp_path / "citations-page.png").write_bytes(png)
    pixels = imread(io.BytesIO(png), format="png")[..., :3]
    assert pixels.shape[:2] == (VIEWPORT["height"], VIEWPORT["width"])
    graph = page.evaluate("(() => { const b = document.getElementById('graph').getBoundingClientRect();"
                          " return [b.left, b.top, b.right, b.bottom]; })()")
    left, top, right, bottom = (round(v) for v in graph)
    drawing = pixels[top:bottom, left:right]
    assert drawing.std() > 0.02
    colours = np.unique((drawing * 255).astype(np.uint8).reshape(-1, 3), axis=0)
    assert len(colours) > 30
    blue = np.array([0x00, 0x72, 0xB2]) / 255  # Security Council resolutions, drawn on the canvas
    assert (np.abs(drawing - blue).max(axis=-1) < 0.04).sum() > 200


def test_hostile_labels_are_shown_as_text(browser, tmp_path: Path) -> None:
    from councilgraph.viz.page import render_page

    evil = '</script><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
    path = tmp_path / "citations.html"
    path.write_text(render_page({"nodes": [{"id": "a", "label": evil, "symbol": "A/1"}, {"id": "b", "symbol": "B/1"}],
                                 "links": [{"source": "b", "target": "a", "phrase": evil}]}), "utf-8")
    page = browser.new_page(viewport=VIEWPORT)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector('body[data-ready="true"]', timeout=30_000)
    assert page.evaluate("window.councilgraphViz.select('a')") == "a"
    assert page.inner_text("#details-title") == evil
    assert evil in page.inner_text("#cited-by-list")
    assert page.evaluate("window.pwned === undefined") and dialogs == []
    assert page.locator("img").count() == 0
    page.close()


def test_documents_cited_only_by_statements_count_their_citations(opened) -> None:
    page, _, _ = opened
    r1973 = "https://w3id.org/councilgraph/id/doc/S-RES-1973-2011"  # cited by one speaker of SC/13081, nothing else
    assert page.evaluate(f"window.councilgraphViz.select({r1973!r})") == r1973
    assert page.inner_text("#details-in-degree") == "1 document"
    cited_by = page.locator("#cited-by-list > li")
    assert cited_by.count() == 1 and cited_by.first.get_attribute("data-id") == SC13081
    assert "statement" in cited_by.first.inner_text()
    uncited = page.evaluate("window.councilgraphViz.cy.nodes().filter(n => n.data('in_degree') === 0)"
                            ".map(n => n.id())")
    assert uncited == [SC13081]  # only the release itself, which cites through its statements
    page.click("#reset")


def test_every_label_is_inside_the_page_drawing(opened) -> None:
    page, _, _ = opened
    box = page.evaluate("""() => {
        const cy = window.councilgraphViz.cy, b = cy.elements().renderedBoundingBox({includeLabels: true});
        return {x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2, width: cy.width(), height: cy.height()};
    }""")
    assert box["x1"] >= 0 and box["y1"] >= 0 and box["x2"] <= box["width"] and box["y2"] <= box["height"], box


@pytest.mark.parametrize("network", ["seed", "long labels at the edges"])
def test_no_label_of_the_svg_figure_leaves_its_viewport(browser, seed_build: Path, tmp_path: Path, network: str,
                                                        labels_at_the_edges) -> None:
    from councilgraph.viz.figure import render_figures

    svg = seed_build / "citations.svg"
    if network != "seed":
        svg = tmp_path / "citations.svg"
        svg.write_bytes(render_figures(*labels_at_the_edges)[0])
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.goto(svg.as_uri())
    boxes = page.evaluate("""() => {
        const svg = document.documentElement, view = svg.getBoundingClientRect();
        const labels = Array.from(svg.querySelectorAll('g[id^="text_"]'));
        return {view: [view.left, view.top, view.right, view.bottom],
                labels: labels.map(g => { const b = g.getBoundingClientRect();
                                          return [g.id, b.left, b.top, b.right, b.bottom]; })};
    }""")
    page.close()
    left, top, right, bottom = boxes["view"]
    assert right - left > 1300  # drawn at its own size, 1008 pt wide
    assert len(boxes["labels"]) > 10  # the node labels, the title and the legends, each a group of glyph paths
    outside = [label for label in boxes["labels"]
               if label[1] < left or label[2] < top or label[3] > right or label[4] > bottom]
    assert outside == []
