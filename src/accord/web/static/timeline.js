/* Events per month for the chosen actor or dyad, stacked by PLOVER type (ECharts bar). */
"use strict";
(function () {
  const el = document.getElementById("timeline");
  if (!el || typeof echarts === "undefined") return;
  const {TYPE_COLOURS, QUAD_COLOURS, pageData, query} = window.accord;
  const data = pageData();
  const tl = data.timeline, filter = data.filter || {};
  const chart = echarts.init(el, null, {renderer: "canvas"});
  chart.setOption({
    tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
    legend: {type: "scroll", top: 0},
    grid: {left: 40, right: 20, top: 40, bottom: 60},
    xAxis: {type: "category", data: tl.months, axisLabel: {interval: "auto", hideOverlap: true}},
    yAxis: {type: "value", minInterval: 1},
    dataZoom: tl.months.length > 36 ? [{type: "slider", bottom: 8}, {type: "inside"}] : [],
    series: tl.series.map(s => ({
      name: s.type, type: "bar", stack: "events", data: s.counts, barMaxWidth: 48,
      itemStyle: {color: TYPE_COLOURS[s.type] || QUAD_COLOURS[s.quad || 0]},
      emphasis: {focus: "series"}
    }))
  });
  chart.on("click", p => {
    const f = Object.assign({}, filter, {type: p.seriesName, since: p.name, until: p.name});
    window.location.href = "/events?" + query(f);
  });
  window.addEventListener("resize", () => chart.resize());
  el.dataset.ready = "true";
})();
