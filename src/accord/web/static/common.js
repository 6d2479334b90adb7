/* Shared helpers for the chart pages. No inline scripts: the CSP allows scripts from this server only. */
"use strict";
window.accord = (function () {
  const css = getComputedStyle(document.documentElement);
  const QUAD_COLOURS = {1: css.getPropertyValue("--q1").trim(), 2: css.getPropertyValue("--q2").trim(),
                        3: css.getPropertyValue("--q3").trim(), 4: css.getPropertyValue("--q4").trim(),
                        0: css.getPropertyValue("--q0").trim()};
  // each quad class gets a family of shades, one per PLOVER type, for stacked charts
  const TYPE_COLOURS = {
    AGREE: "#a1d99b", CONSULT: "#74c476", SUPPORT: "#41ab5d", CONCEDE: "#c7e9c0",
    COOPERATE: "#1b7837", AID: "#00441b", RETREAT: "#5aae61",
    REQUEST: "#fdd49e", ACCUSE: "#f59e0b", REJECT: "#d97706", THREATEN: "#b45309",
    PROTEST: "#fc9272", SANCTION: "#ef3b2c", MOBILIZE: "#cb181d", COERCE: "#a50f15", ASSAULT: "#67000d"
  };
  function pageData() {
    const el = document.getElementById("page-data");
    return el ? JSON.parse(el.textContent) : {};
  }
  function esc(s) {  // for tooltip HTML: names come from untrusted text
    return String(s == null ? "" : s).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }
  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
    return q.toString();
  }
  return {QUAD_COLOURS, TYPE_COLOURS, pageData, esc, query};
})();
