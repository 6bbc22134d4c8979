// The atlas's Families chart drawn by Observable Plot: vCPU against memory (log-log), one
// line per family through its sizes, coloured by category, a tooltip per point.
'use strict';

const color = { domain: CATEGORIES.map(([slug]) => slug), range: CATEGORIES.map(([, , colour]) => colour) };

startAnchor((chart, types, { width, height }) => {
  const svg = Plot.plot({
    width,
    height,
    x: { type: 'log', label: 'Memory (GiB)', grid: true },
    y: { type: 'log', label: 'vCPU', grid: true },
    color,
    marks: [
      Plot.line(types, { x: 'memory', y: 'vcpu', z: 'family', stroke: 'category', strokeOpacity: 0.7 }),
      Plot.dot(types, {
        x: 'memory', y: 'vcpu', fill: 'category', r: 2.5, tip: true,
        title: (t) => `${t.name}\n${t.vcpu} vCPU, ${t.memory} GiB`,
      }),
    ],
  });
  chart.replaceChildren(svg);
});
