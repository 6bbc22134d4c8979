// The atlas's Families chart drawn by Plotly: vCPU against memory (log-log), one trace per
// category whose families are line runs separated by gaps, hover text per point.
'use strict';

function traces(types) {
  return CATEGORIES.map(([slug, label, colour]) => {
    const x = [];
    const y = [];
    const text = [];
    let family = null;
    for (const t of types) {
      if (t.category !== slug) continue;
      if (family !== null && t.family !== family) {
        x.push(null);
        y.push(null);
        text.push('');
      }
      family = t.family;
      x.push(t.memory);
      y.push(t.vcpu);
      text.push(`${t.name}<br>${t.vcpu} vCPU, ${t.memory} GiB`);
    }
    return {
      type: 'scatter', mode: 'lines+markers', name: label, x, y, text, hoverinfo: 'text', connectgaps: false,
      line: { color: colour, width: 1 }, marker: { color: colour, size: 5 },
    };
  });
}

startAnchor((chart, types, { width, height }) =>
  Plotly.react(chart, traces(types), {
    width, height, margin: { l: 50, r: 10, t: 10, b: 40 },
    xaxis: { type: 'log', title: { text: 'Memory (GiB)' } },
    yaxis: { type: 'log', title: { text: 'vCPU' } },
  }, { displayModeBar: false }));
