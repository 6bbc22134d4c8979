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

/** One checkbox per category, all checked, with the atlas's test ids. */
function categoryBoxes() {
  const fieldset = document.getElementById('categories');
  return CATEGORIES.map(([slug, label]) => {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', checked: true });
    box.dataset.category = slug;
    box.dataset.testid = `filter-category-${slug}`;
    const wrapper = document.createElement('label');
    wrapper.append(box, ` ${label}`);
    fieldset.append(wrapper);
    return box;
  });
}

window.startAnchor = async function startAnchor(draw) {
  const boxes = categoryBoxes();
  const types = await (await fetch('catalogue.json')).json();
  const chart = document.getElementById('chart');
  const redraw = async () => {
    const shown = new Set(boxes.filter((box) => box.checked).map((box) => box.dataset.category));
    await draw(chart, types.filter((type) => shown.has(type.category)), { width: chart.clientWidth, height: chart.clientHeight });
    performance.mark('chart-drawn');
  };
  for (const box of boxes) box.addEventListener('change', redraw);
  await redraw();
};
