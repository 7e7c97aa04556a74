// The graph picture: Cytoscape.js (vendored) draws the neighbourhood that
// /graph/<entity>?format=json returns. Clicking a node moves to its graph;
// clicking an edge shows one of its statements, fetched as JSON.
(function () {
  "use strict";
  const container = document.getElementById("graph");
  const info = document.getElementById("edge-info");
  if (!container || typeof cytoscape === "undefined") return;

  const colours = { Person: "#4e79a7", Organization: "#f28e2b", Place: "#59a14f", Event: "#b07aa1", Entity: "#9c9c9c" };
  const style = [
    { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4, "width": 22, "height": 22, "background-color": colours.Entity } },
    { selector: "node[?center]", style: { "width": 34, "height": 34, "border-width": 3, "border-color": "#222" } },
    { selector: "edge", style: { "label": "data(predicate)", "font-size": 9, "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 1.5, "line-color": "#888", "target-arrow-color": "#888", "text-rotation": "autorotate", "color": "#555" } },
    { selector: "edge[modality != 'asserted']", style: { "line-style": "dashed", "line-color": "#c9a227", "target-arrow-color": "#c9a227" } },
    { selector: "edge[polarity = 'negative']", style: { "line-style": "dotted", "width": 2.5, "line-color": "#d62728", "target-arrow-color": "#d62728", "target-arrow-shape": "tee" } },
    { selector: ":selected", style: { "overlay-opacity": 0.15 } },
  ];
  for (const [kind, colour] of Object.entries(colours)) {
    style.push({ selector: "node[type = '" + kind + "']", style: { "background-color": colour } });
  }

  function pathUrl(prefix, path) {
    return prefix + path.split("/").map(encodeURIComponent).join("/");
  }

  function line(label, value) {
    const row = document.createElement("p");
    const name = document.createElement("strong");
    name.textContent = label + ": ";
    row.append(name, String(value));
    return row;
  }

  function showStatement(edge) {
    const data = edge.data();
    info.replaceChildren(line("predicate", data.predicate), line("polarity", data.polarity),
      line("modality", data.modality), line("statements", data.count));
    if (!data.statement_path) return;
    fetch(pathUrl("/", data.statement_path) + "?format=json")
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.sentence) {
          const quote = document.createElement("blockquote");
          quote.textContent = s.sentence;
          info.append(quote);
        }
        const open = document.createElement("a");
        open.href = pathUrl("/", data.statement_path);
        open.textContent = "statement";
        info.append(open);
        if (s.article_path) {
          const article = document.createElement("a");
          article.href = pathUrl("/", s.article_path);
          article.className = "source-article";
          article.textContent = "article";
          info.append(" · ", article);
        }
      });
  }

  fetch(container.dataset.url)
    .then(function (r) { return r.json(); })
    .then(function (data) {
      const cy = cytoscape({
        container: container,
        elements: { nodes: data.nodes, edges: data.edges },
        style: style,
        layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000 },
        wheelSensitivity: 0.3,
      });
      cy.on("tap", "node", function (event) {
        const path = event.target.data("path");
        if (path && !event.target.data("center")) window.location.href = pathUrl("/graph/", path);
      });
      cy.on("tap", "edge", function (event) { showStatement(event.target); });
      container.dataset.nodes = String(cy.nodes().length);
      container.dataset.edges = String(cy.edges().length);
      if (data.truncated) info.prepend(line("note", "more neighbours exist than the node limit"));
      window.kgGraph = cy;
    });
})();
