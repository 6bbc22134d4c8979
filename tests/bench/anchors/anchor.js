// Shared by the comparison pages: loads the catalogue, wires the category checkboxes and
// marks `chart-drawn` after every draw. Each page calls `startAnchor(draw)`, where
// `draw(chart, types, size)` draws the shown types (and may return a promise).
'use strict';

/** Category slugs and their colours, as the atlas's light theme draws them. */
window.CATEGORIES = [
  ['general', 'General purpose', '#2e96a0'],
  ['compute', 'Compute optimised', '#d65050'],
  ['memory', 'Memory optimised', '#46963c'],
  ['storage', 'Storage optimised', '#d6a014'],
  ['accelerated', 'Accelerated computing', '#825ac8'],
];

window.startAnchor = async function startAnchor(draw) {
  const types = await (await fetch('catalogue.json')).json();
  const chart = document.getElementById('chart');
  const boxes = [...document.querySelectorAll('input[data-category]')];
  const redraw = async () => {
    const shown = new Set(boxes.filter((box) => box.checked).map((box) => box.dataset.category));
    await draw(chart, types.filter((type) => shown.has(type.category)), { width: chart.clientWidth, height: chart.clientHeight });
    performance.mark('chart-drawn');
  };
  for (const box of boxes) box.addEventListener('change', redraw);
  await redraw();
};
