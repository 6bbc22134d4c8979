// The atlas's Families chart drawn by Vega-Lite (through vega-embed, canvas renderer):
// vCPU against memory (log-log), one line per family, coloured by category; a toggle
// replaces the data set in the running view.
'use strict';

let view = null;

function spec(types, { width, height }) {
  const x = { field: 'memory', type: 'quantitative', scale: { type: 'log' }, title: 'Memory (GiB)' };
  const y = { field: 'vcpu', type: 'quantitative', scale: { type: 'log' }, title: 'vCPU' };
  const color = {
    field: 'category', type: 'nominal', title: 'Category',
    scale: { domain: CATEGORIES.map(([slug]) => slug), range: CATEGORIES.map(([, , colour]) => colour) },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: width - 150,
    height: height - 60,
    datasets: { types },
    data: { name: 'types' },
    layer: [
      { mark: { type: 'line', opacity: 0.7 }, encoding: { x, y, color, detail: { field: 'family' }, order: { field: 'memory' } } },
      {
        mark: { type: 'circle', size: 20, opacity: 1 },
        encoding: { x, y, color, tooltip: [{ field: 'name' }, { field: 'vcpu', title: 'vCPU' }, { field: 'memory', title: 'GiB' }] },
      },
    ],
  };
}

startAnchor(async (chart, types, size) => {
  if (view === null) {
    view = (await vegaEmbed(chart, spec(types, size), { actions: false, renderer: 'canvas' })).view;
    return;
  }
  await view.change('types', vega.changeset().remove(() => true).insert(types)).runAsync();
});
