/* The overview's network: countries/actors as nodes, directed edges per quad class (ECharts graph),
   drawn at the positions the server computed (no force layout in the browser, so no re-layout). */
"use strict";
(function () {
  const el = document.getElementById("network");
  if (!el || typeof echarts === "undefined") return;
  const {QUAD_COLOURS, pageData, esc, query} = window.accord;
  const data = pageData();
  const net = data.network, filter = data.filter || {};
  const KIND_COLOURS = {country: "#14213d", PER: "#2563eb", ORG: "#7c3aed", LOC: "#0d9488", GPE: "#0d9488"};
  const names = Object.fromEntries(net.nodes.map(n => [n.id, n.name]));
  const maxNode = Math.max(1, ...net.nodes.map(n => n.events));
  const maxEdge = Math.max(1, ...net.edges.map(e => e.events));
  const kinds = [...new Set(net.nodes.map(n => n.kind))];

  // positions come from the server (accord/web/layout.py): the same data, the same picture
  const nodes = net.nodes.map(n => ({
    id: n.id, name: n.id, value: n.events, category: kinds.indexOf(n.kind), x: n.x, y: n.y,
    symbolSize: 14 + 38 * Math.sqrt(n.events / maxNode),
    label: {show: true, formatter: () => n.name},
    itemStyle: {color: KIND_COLOURS[n.kind] || "#6b7280", borderColor: "#fff", borderWidth: 1.5},
    _info: n
  }));
  const edges = net.edges.map(e => ({
    source: e.source, target: e.target, value: e.events,
    lineStyle: {color: QUAD_COLOURS[e.quad || 0], width: 1.2 + 7 * Math.sqrt(e.events / maxEdge), opacity: 0.85},
    _info: e
  }));

  const chart = echarts.init(el, null, {renderer: "canvas"});
  chart.setOption({
    animation: false,
    tooltip: {
      formatter: p => {
        if (p.dataType === "edge") {
          const e = p.data._info;
          const types = Object.entries(e.types).sort((a, b) => b[1] - a[1]).map(([t, n]) => esc(t) + " " + n).join(", ");
          return "<b>" + esc(names[e.source]) + " → " + esc(names[e.target]) + "</b><br>" + esc(e.quad_name || "") +
            ": " + e.events + " event" + (e.events === 1 ? "" : "s") + "<br><small>" + types + "</small>";
        }
        const n = p.data._info;
        return "<b>" + esc(n.name) + "</b> <small>" + esc(n.kind) + (n.country ? " · " + esc(n.country) : "") +
          (n.sector ? " · " + esc(n.sector) : "") + "</small><br>" + n.events + " events";
      }
    },
    legend: {data: kinds, bottom: 0, textStyle: {color: "#6b7385"}},
    series: [{
      type: "graph", layout: "none", roam: true, draggable: true,
      top: 30, bottom: 50, left: 30, right: 110,
      categories: kinds.map(k => ({name: k, itemStyle: {color: KIND_COLOURS[k] || "#6b7280"}})),
      data: nodes, links: edges, autoCurveness: true,
      edgeSymbol: ["none", "arrow"], edgeSymbolSize: [0, 8],
      label: {position: "right", fontSize: 12, color: "#1d2433"},
      emphasis: {focus: "adjacency", lineStyle: {opacity: 1}},
      lineStyle: {curveness: 0.15}
    }]
  });
  chart.on("click", p => {
    const f = Object.assign({}, filter);
    delete f.a; delete f.b; delete f.actor; delete f.directed;
    if (p.dataType === "edge") {
      const e = p.data._info;
      window.location.href = "/events?" + query(Object.assign(f, {a: e.source, b: e.target, directed: "true", quad: e.quad}));
    } else if (p.dataType === "node") {
      window.location.href = "/events?" + query(Object.assign(f, {actor: p.data.id}));
    }
  });
  window.addEventListener("resize", () => chart.resize());
  el.dataset.ready = "true";
})();
