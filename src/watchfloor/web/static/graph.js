// The graph page: entities, claims and sources drawn with Cytoscape; a click opens the node's page.
"use strict";

document.addEventListener("DOMContentLoaded", async () => {
  const box = document.getElementById("graph");
  if (!box || typeof cytoscape !== "function") return;
  const response = await fetch(box.dataset.source, { credentials: "same-origin" });
  if (!response.ok) return;
  const data = await response.json();
  const graph = cytoscape({
    container: box,
    elements: [
      ...data.nodes.map((n) => ({ data: { id: n.id, label: n.label, href: n.href }, classes: n.kind })),
      ...data.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, label: e.label } })),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120, "background-color": "#0b5cad" } },
      { selector: "node.claim", style: { shape: "square", "background-color": "#1d6b35" } },
      { selector: "node.denies", style: { "background-color": "#a4161a" } },
      { selector: "node.document", style: { shape: "diamond", "background-color": "#7a869a" } },
      { selector: "edge", style: { width: 1, "curve-style": "bezier", "target-arrow-shape": "triangle", label: "data(label)", "font-size": 7 } },
    ],
    layout: { name: "cose", animate: false },
  });
  graph.on("tap", "node", (event) => { window.location.assign(event.target.data("href")); });
});
