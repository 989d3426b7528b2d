/* councilgraph citations.html: draws the embedded citation network with Cytoscape.js.
 * Reads the JSON in #councilgraph-data (written by councilgraph.viz.page), uses the positions
 * computed in Python (preset layout), and wires the search box and the details panel.
 * Exposes a read-only window.councilgraphViz for tests and scripts. */
(function () {
  "use strict";

  var state = { ready: false, cy: null, selected: null, labelSize: null };
  var data = JSON.parse(document.getElementById("councilgraph-data").textContent);
  var kindLabels = {};
  var citoLabels = {};
  data.kinds.forEach(function (k) { kindLabels[k.kind] = k.label; });
  data.citos.forEach(function (c) { citoLabels[c.cito] = c.label; });

  var searchForm = document.getElementById("search");
  var searchInput = document.getElementById("search-input");
  var message = document.getElementById("search-message");
  var details = document.getElementById("details");
  var container = document.getElementById("graph");

  Object.defineProperty(window, "councilgraphViz", {
    value: Object.freeze(Object.create(null, {
      ready: { get: function () { return state.ready; }, enumerable: true },
      nodeCount: { value: data.nodes.length, enumerable: true },
      edgeCount: { value: data.edges.length, enumerable: true },
      cy: { get: function () { return state.cy; }, enumerable: true },
      selected: { get: function () { return state.selected; }, enumerable: true },
      find: { value: function (query) { return find(query); }, enumerable: true },
      select: { value: function (id) { return selectById(id); }, enumerable: true }
    })),
    writable: false,
    configurable: false
  });

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    if (className) { el.className = className; }
    return el;
  }

  function normalise(text) {
    return String(text || "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function tokens(text) {
    return text.split(/[^0-9a-z]+/).filter(function (t) { return t.length > 0; });
  }

  // Ranked ids of the nodes whose symbol or label matches: exact, then prefix, then whole token, then substring.
  function find(query) {
    var q = normalise(query);
    if (!q) { return []; }
    var scored = [];
    data.nodes.forEach(function (node) {
      var score = 0;
      [node.symbol, node.label].forEach(function (key) {
        var k = normalise(key);
        if (!k) { return; }
        if (k === q) { score = Math.max(score, 4); }
        else if (k.indexOf(q) === 0) { score = Math.max(score, 3); }
        else if (tokens(k).indexOf(q) >= 0) { score = Math.max(score, 2); }
        else if (k.indexOf(q) >= 0) { score = Math.max(score, 1); }
      });
      if (score > 0) { scored.push({ score: score, node: node }); }
    });
    scored.sort(function (a, b) {
      return (b.score - a.score) || (b.node.citations - a.node.citations) ||
        (a.node.short < b.node.short ? -1 : a.node.short > b.node.short ? 1 : 0) ||
        (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0);
    });
    return scored.map(function (s) { return s.node.id; });
  }

  function nodeButton(node) {
    var button = element("button", node.data("short"), "link");
    button.type = "button";
    button.title = node.data("label");
    button.dataset.id = node.id();
    button.addEventListener("click", function () { select(node); });
    return button;
  }

  function compareText(a, b) {
    return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0);
  }

  function describe(edge) {
    var e = edge.data();
    var how = [e.phrase ? "\u201c" + e.phrase + "\u201d" : "", citoLabels[e.cito] || e.cito, e.paragraph]
      .filter(function (part) { return part; }).join(" \u00b7 ");
    return e.weight > 1 ? how + " \u00d7" + e.weight : how;
  }

  // One item per other document, with every citation between the two (phrase, CiTO type, paragraph kind).
  function citationList(id, edges, other) {
    var list = element("ul");
    list.id = id;
    var groups = {};
    edges.forEach(function (edge) {
      var node = other(edge);
      (groups[node.id()] = groups[node.id()] || { node: node, edges: [] }).edges.push(edge);
    });
    var items = Object.keys(groups).map(function (key) { return groups[key]; });
    items.sort(function (a, b) {
      return compareText(a.node.data("short"), b.node.data("short")) || compareText(a.node.id(), b.node.id());
    });
    if (!items.length) { list.appendChild(element("li", "none", "none")); }
    items.forEach(function (item) {
      var li = element("li");
      li.dataset.id = item.node.id();
      li.appendChild(nodeButton(item.node));
      var how = item.edges.map(describe);
      how.sort(compareText);
      li.appendChild(element("span", " " + how.join("; "), "how"));
      list.appendChild(li);
    });
    return { list: list, count: items.length };
  }

  // The citations of a set of edges: an edge stands for `weight` citations with the same phrase and type.
  function weight(edges) {
    var total = 0;
    edges.forEach(function (edge) { total += edge.data("weight") || 1; });
    return total;
  }

  function heading(text, documents, citations) {
    return element("h3", text + " (" + documents + (documents === 1 ? " document" : " documents") +
      (citations !== documents ? ", " + citations + " citations" : "") + ")");
  }

  function showDetails(node) {
    var d = node.data();
    details.replaceChildren();
    var title = element("h2", d.label);
    title.id = "details-title";
    details.appendChild(title);
    var dl = element("dl");
    function row(name, value, id) {
      dl.appendChild(element("dt", name));
      var dd = element("dd", value);
      dd.id = id;
      dl.appendChild(dd);
      return dd;
    }
    row("Symbol", d.symbol || "\u2014", "details-symbol");
    var kind = row("Kind", "", "details-kind");
    var dot = element("span", null, "kind-dot");
    dot.style.background = d.colour;
    kind.appendChild(dot);
    kind.appendChild(document.createTextNode(kindLabels[d.kind] || d.kind));
    row("Year", d.year === null || d.year === undefined ? "not known" : d.year, "details-year");
    row("Cited by", d.in_degree + (d.in_degree === 1 ? " document" : " documents") +
      (d.citations !== d.in_degree ? ", " + d.citations + (d.citations === 1 ? " citation" : " citations") : ""),
      "details-in-degree");
    details.appendChild(dl);
    var iri = element("p", d.id, "iri");
    iri.id = "details-iri";
    details.appendChild(iri);
    var out = node.outgoers("edge");
    var incoming = node.incomers("edge");
    var cites = citationList("cites-list", out.toArray(), function (e) { return e.target(); });
    var citedBy = citationList("cited-by-list", incoming.toArray(), function (e) { return e.source(); });
    details.appendChild(heading("Cites", cites.count, weight(out)));
    details.appendChild(cites.list);
    details.appendChild(heading("Cited by", citedBy.count, weight(incoming)));
    details.appendChild(citedBy.list);
  }

  // The labels of the most-cited nodes and of the selected one stay readable (about 11 screen pixels) at any
  // zoom. Set as element style bypasses: Cytoscape.js clips a label whose font grows through a class change.
  function resizeLabels(force) {
    var cy = state.cy;
    var size = Math.min(60, Math.max(10, Math.round(11 / cy.zoom())));
    if (!force && size === state.labelSize) { return; }
    state.labelSize = size;
    cy.batch(function () {
      cy.nodes(".hub, .focus").style({ "font-size": size, "text-max-width": (16 * size) + "px" });
    });
  }

  function clearHighlight() {
    var cy = state.cy;
    if (!cy) { return; }
    cy.batch(function () {
      cy.nodes(".focus").not(".hub").removeStyle("font-size text-max-width");
      cy.elements().removeClass("focus neighbour active faded");
    });
  }

  function select(node) {
    var cy = state.cy;
    var hood = node.closedNeighborhood();
    cy.batch(function () {
      clearHighlight();
      cy.elements().not(hood).addClass("faded");
      hood.nodes().addClass("neighbour");
      hood.edges().addClass("active");
      node.removeClass("neighbour").addClass("focus");
    });
    cy.fit(hood, 60);
    var zoom = Math.max(Math.min(cy.zoom(), 1.5), 1);  // close enough to read the labels
    var at = node.position();  // centre the node itself (cy.center would centre its box, label included)
    cy.viewport({ zoom: zoom, pan: { x: cy.width() / 2 - at.x * zoom, y: cy.height() / 2 - at.y * zoom } });
    resizeLabels(true);
    state.selected = node.id();
    document.body.dataset.selected = node.id();
    showDetails(node);
    return node.id();
  }

  function selectById(id) {
    var node = state.cy ? state.cy.getElementById(id) : null;
    return node && node.nonempty() && node.isNode() ? select(node) : null;
  }

  function reset() {
    clearHighlight();
    state.selected = null;
    delete document.body.dataset.selected;
    details.replaceChildren(element("p", "Click a document, or find one by its symbol, to see what it cites " +
      "and what cites it.", "hint"));
    if (state.cy) {
      fitAll();
      resizeLabels(true);
    }
  }

  // The whole network in view; a network of one or two documents is not magnified beyond 2x.
  function fitAll() {
    var cy = state.cy;
    cy.fit(undefined, 30);
    if (cy.zoom() > 2) {
      cy.zoom(2);
      cy.center();
    }
  }

  function say(text, notFound) {
    message.replaceChildren(element("span", text));
    message.classList.toggle("not-found", !!notFound);
  }

  function search(query) {
    if (!normalise(query)) {
      say("Type a symbol or a title, for example S/RES/2331 (2016) or 2331.", false);
      return null;
    }
    var ids = find(query);
    if (!ids.length) {
      say("No document matches \u201c" + query.trim() + "\u201d.", true);
      message.dataset.result = "not-found";
      return null;
    }
    var node = state.cy.getElementById(ids[0]);
    select(node);
    say("Found " + node.data("short") + (ids.length > 1 ? " (" + ids.length + " matches; also:" : ""), false);
    message.dataset.result = "found";
    if (ids.length > 1) {
      ids.slice(1, 9).forEach(function (id) {
        var button = nodeButton(state.cy.getElementById(id));
        button.classList.add("match");
        message.appendChild(document.createTextNode(" "));
        message.appendChild(button);
      });
      message.appendChild(element("span", ids.length > 9 ? " \u2026)" : ")"));
    }
    return ids[0];
  }

  function stylesheet() {
    var style = [
      { selector: "node", style: {
        "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
        "border-width": 1, "border-color": "#ffffff",
        "label": "data(short)", "font-size": 10, "min-zoomed-font-size": 8, "color": "#222222",
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": "160px",
        "text-outline-color": "#ffffff", "text-outline-width": 2, "text-outline-opacity": 0.85
      } },
      { selector: "node.hub", style: { "min-zoomed-font-size": 0, "font-weight": "bold" } },
      { selector: "edge", style: {
        "width": "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "arrow-scale": 0.9, "curve-style": "bezier", "opacity": 0.75
      } },
      { selector: "edge[line = \"dashed\"]", style: { "line-style": "dashed" } },
      { selector: "edge[line = \"dotted\"]", style: { "line-style": "dotted" } },
      { selector: ".faded", style: { "opacity": 0.12, "text-opacity": 0 } },
      { selector: "edge.active", style: { "opacity": 1, "z-index": 9 } },
      { selector: "node.neighbour", style: { "min-zoomed-font-size": 6, "z-index": 9 } },
      // No font-size here (see resizeLabels).
      { selector: "node.focus", style: {
        "border-width": 5, "border-color": "#d7191c", "min-zoomed-font-size": 0, "font-weight": "bold",
        "text-background-color": "#fff3bf", "text-background-opacity": 1, "text-background-padding": "2px",
        "z-index": 10
      } }
    ];
    return style;
  }

  function hubs() {
    var cited = data.nodes.filter(function (n) { return n.citations >= 2; });
    cited.sort(function (a, b) { return (b.citations - a.citations) || (a.id < b.id ? -1 : 1); });
    var ids = {};
    cited.slice(0, 12).forEach(function (n) { ids[n.id] = true; });
    return ids;
  }

  function start() {
    if (typeof window.cytoscape !== "function") {
      throw new Error("the Cytoscape.js library did not load");
    }
    var hub = hubs();
    var elements = [];
    data.nodes.forEach(function (n) {
      elements.push({ group: "nodes", data: n, position: { x: n.x, y: n.y }, classes: hub[n.id] ? "hub" : "" });
    });
    data.edges.forEach(function (e) { elements.push({ group: "edges", data: e }); });
    var cy = window.cytoscape({
      container: container,
      elements: elements,
      style: stylesheet(),
      layout: { name: "preset", fit: true, padding: 30 },
      minZoom: 0.05,
      maxZoom: 6,
      boxSelectionEnabled: false,
      autounselectify: true
    });
    state.cy = cy;
    cy.on("tap", "node", function (event) { select(event.target); });
    cy.on("zoom", function () { resizeLabels(false); });
    cy.on("tap", function (event) { if (event.target === cy) { reset(); } });
    var options = document.getElementById("search-symbols");
    data.nodes.slice().sort(function (a, b) { return compareText(a.short, b.short) || compareText(a.id, b.id); })
      .forEach(function (n, i, all) {
        if (i > 0 && all[i - 1].short === n.short) { return; }
        var option = document.createElement("option");
        option.value = n.short;
        options.appendChild(option);
      });
    searchForm.addEventListener("submit", function (event) {
      event.preventDefault();
      search(searchInput.value);
    });
    document.getElementById("reset").addEventListener("click", function () {
      searchInput.value = "";
      say("", false);
      delete message.dataset.result;
      reset();
    });
    if (!data.nodes.length) { say("The network is empty: the build found no cited documents.", false); }
    cy.ready(function () {
      fitAll();
      resizeLabels(true);
      window.requestAnimationFrame(function () {
        window.requestAnimationFrame(function () {
          state.ready = true;
          document.body.dataset.ready = "true";
        });
      });
    });
  }

  try {
    start();
  } catch (err) {
    container.replaceChildren(element("p", "The network cannot be drawn: " + err.message, "noscript"));
    document.body.dataset.ready = "error";
  }
}());
