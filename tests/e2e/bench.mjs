// `make bench`: the atlas side by side with the same chart drawn by Observable Plot,
// Vega-Lite and Plotly (tests/bench/anchors), in one run on one machine: bytes a visitor
// downloads, first contentful paint, chart drawn and redrawn; then the atlas alone at 10x
// the catalogue, the Table, and a 10 MB import. Prints figures; asserts nothing (timings
// on a shared machine are not test material).
//
// `node tests/e2e/bench.mjs --plot-only` loads only the atlas and Plot's page (first paint,
// chart drawn, redraw), for a quicker comparison while working on start-up.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, serve } from './server.mjs';
import { describeFile, importOnce } from './bench_import.mjs';
import { loadOnce } from './bench_load.mjs';
import { AFTER_CHART_MS, longestTaskOnce } from './bench_longtask.mjs';
import { atScaleOnce } from './bench_scale.mjs';
import { printBytes } from './bench_bytes.mjs';
import { anchorCatalogue, multipliedCsv } from '../bench/catalogue.mjs';

const DIST = process.env.ATLAS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const ANCHORS = fileURLToPath(new URL('../bench/anchors/', import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const PLOT_ONLY = process.argv.includes('--plot-only');
const OFFLINE = 'instance-atlas.html';
const KB = 1024;
/** The targets; the relative ones are against Plot measured in the same run. */
const TARGETS = {
  siteGzip: 300 * KB, embedGzip: 200 * KB, offlineGzip: 400 * KB,
  drawnVsPlot: 0.8, redrawVsPlot: 0.5, tableOpenMs: 200, tableKeystrokeMs: 100, importMs: 300,
};

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes) => `${(bytes / KB).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const verdict = (value, limit) => (value <= limit ? 'met' : 'OVER');

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out.sort();
}

/** Every file of dist/: raw, gzip -9 and brotli sizes; the offline file on its own. */
async function siteSizes() {
  const rows = [];
  for (const path of await files(DIST)) {
    const bytes = await readFile(path);
    rows.push({
      file: relative(DIST, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const offline = rows.find((r) => r.file === OFFLINE);
  // embed.html and its own loader, glue and wasm are what an <iframe> of the Families chart
  // loads (measured below as the embed page), not part of the atlas a visitor opens.
  // So are its prices, one file per region and system under prices/, of which a frame
  // fetches one (in the embed page's figure below).
  const embedNames = await embedPageFiles();
  const priceFile = (file) => file.startsWith('prices/');
  const site = rows.filter((r) => r.file !== OFFLINE && !embedNames.has(r.file) && !priceFile(r.file));
  const regionFiles = rows.filter((r) => priceFile(r.file));
  const embedRows = rows.filter((r) => embedNames.has(r.file));
  const largest = regionFiles.reduce((a, r) => (r.gzip > a.gzip ? r : a), { gzip: 0, raw: 0, brotli: 0, file: 'none' });
  embedRows.push({ ...largest, file: `${largest.file}, the largest of ${regionFiles.length} price files` });
  const total = site.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const line = (r) => console.log(r.file.padEnd(48), kb(r.raw).padStart(11), kb(r.gzip).padStart(11), kb(r.brotli).padStart(11));
  console.log('\nSite size (dist/)');
  console.log('file'.padEnd(48), 'raw'.padStart(11), 'gzip -9'.padStart(11), 'brotli'.padStart(11));
  // The importer worker is fetched only when a person loads data or saves the atlas, the
  // offline file's template only when a person saves it: a visitor who does neither
  // downloads everything else.
  const onDemand = (file) => file.startsWith('importer-worker') || file.startsWith('offline-template-');
  const page = site.filter((r) => !onDemand(r.file))
    .reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  for (const r of [...site, { file: 'TOTAL (the whole site)', ...total }, { file: 'of it, without the importer worker and the offline template', ...page }]) line(r);
  if (offline) line({ ...offline, file: `${OFFLINE} (offline download)` });
  for (const r of embedRows) line({ ...r, file: `${r.file} (embed page only)` });
  console.log('\nWhere the bytes are (each section compressed on its own)');
  await printBytes(DIST);
  return { total, page, offline };
}

/** The files only embed.html uses: itself, its stylesheet, its loader, and the glue and wasm
 * the loader names. */
async function embedPageFiles() {
  const html = await readFile(join(DIST, 'embed.html'), 'utf8');
  const loader = html.match(/src="\.\/(init-[0-9a-f]+\.js)"/)?.[1];
  if (!loader) throw new Error('dist/embed.html names no init-<hash>.js loader');
  const code = await readFile(join(DIST, loader), 'utf8');
  const named = [...code.matchAll(/\.\/(instance-atlas-[0-9a-f]+(?:_bg\.wasm|\.js))/g)].map((m) => m[1]);
  const style = html.match(/href="\.\/(style-embed-[0-9a-f]+\.css)"/)?.[1];
  if (!style) throw new Error('dist/embed.html names no style-embed-<hash>.css stylesheet');
  return new Set(['embed.html', style, loader, ...named]);
}

/** The pages measured side by side: the mark each sets after a draw. */
function pages(atlas, anchors) {
  const all = [
    { name: 'atlas', url: atlas, mark: 'atlas:chart-drawn' },
    { name: 'Plot', url: `${anchors}plot.html`, mark: 'chart-drawn' },
    { name: 'Vega-Lite', url: `${anchors}vega-lite.html`, mark: 'chart-drawn' },
    { name: 'Plotly', url: `${anchors}plotly.html`, mark: 'chart-drawn' },
  ];
  return PLOT_ONLY ? all.slice(0, 2) : all;
}

// ---- measure ---------------------------------------------------------------------------
const sizes = PLOT_ONLY ? null : await siteSizes();
await writeFile(join(ANCHORS, 'catalogue.json'), JSON.stringify(await anchorCatalogue()));
// The same path at both sizes: a CSV chosen in Load data (the built-in rows once, and ten times).
const onefold = PLOT_ONLY ? null : { name: 'catalogue-1x.csv', ...(await multipliedCsv(1)) };
// "10x" is the first catalogue's 810 types ten times over: 8,100, under the 10,000-type budget
// (the catalogue has 1,424 types now, so ten copies would be refused).
const tenfold = PLOT_ONLY ? null : { name: 'catalogue-8100.csv', ...(await multipliedCsv(10)) };
const site = await serve(DIST);
const anchorSite = await serve(ANCHORS);
const browser = await chromium.launch(CHROMIUM);
const chromiumVersion = browser.version();
const compared = pages(site.url, anchorSite.url);
const loads = Object.fromEntries(compared.map((p) => [p.name, []]));
// Warm-up: the browser's own start-up is no page's cost.
for (const p of compared) await loadOnce(browser, p.url, p.mark);
// Round robin, so that whatever else the machine does falls on every page alike.
for (let i = 0; i < RUNS; i++) {
  for (const p of compared) loads[p.name].push(await loadOnce(browser, p.url, p.mark));
}
if (PLOT_ONLY) {
  await browser.close();
  await site.close();
  await anchorSite.close();
  printSideBySide();
  process.exit(0);
}
const embed = [];
for (let i = 0; i < RUNS; i++) embed.push(await loadOnce(browser, `${site.url}embed.html`, 'atlas:chart-drawn', { toggle: false }));
const steady = [];
for (let i = 0; i < RUNS; i++) steady.push(await longestTaskOnce(browser, site.url));
const embedList = embed[0].files.map((f) => `${f.url.split('/').pop().split('?')[0] || 'index.html'} ${kb(f.gzip)}`).join(', ');
const scale1 = [];
const scale10 = [];
for (let i = 0; i < RUNS; i++) {
  scale1.push(await atScaleOnce(browser, site.url, onefold));
  scale10.push(await atScaleOnce(browser, site.url, tenfold));
}
const describe = await describeFile(10);
const imports = [];
for (let i = 0; i < RUNS; i++) imports.push(await importOnce(browser, site.url, describe));
await browser.close();
await site.close();
await anchorSite.close();

// ---- report ----------------------------------------------------------------------------
function figure(name, pick) {
  return median(loads[name].map(pick));
}
printSideBySide();

/** The pages side by side, with the atlas's and Plot's every load; with --plot-only, the targets against Plot too. */
function printSideBySide() {
  const columns = compared.map((p) => p.name);
  const row = (label, pick, format) => `| ${label} | ${columns.map((name) => format(figure(name, pick))).join(' | ')} |`;
  console.log(`\nSide by side: medians of ${RUNS} cold loads each, one run, headless Chromium ${chromiumVersion}`);
  const table = [
    `| | ${columns.join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
    row('bytes a visitor downloads, gzip -9', (l) => l.bytes, kb),
    row('navigation to chart on screen', (l) => l.shown, ms),
    row('navigation to chart drawn by the code', (l) => l.drawn, ms),
    row('first contentful paint', (l) => l.fcp, ms),
    row('category toggle to redrawn', (l) => l.redraw, ms),
  ];
  console.log(table.join('\n'));
  for (const name of columns) {
    const list = loads[name][0].files.map((f) => `${f.url.split('/').pop() || 'index.html'} ${kb(f.gzip)}`).join(', ');
    console.log(`  ${name} loads: ${list}`);
  }
  const atlasStart = figure('atlas', (l) => l.start);
  // On screen = drawn for the comparison pages; the atlas's frame carries its first chart.
  const prerendered = loads.atlas.filter((l) => l.prerendered).length;
  console.log(`  atlas: the chart on screen is the one drawn at build time, painted with the frame, in ${prerendered} of ${loads.atlas.length} loads; the code's own chart (hover, pins, zoom) replaces it at "drawn by the code"`);
  console.log(`  atlas: page complete (filters, legend, menus built after the first chart) at ${ms(figure('atlas', (l) => l.complete))}`);
  console.log(`  atlas: WebAssembly running at ${ms(atlasStart)}; all runs: drawn ${loads.atlas.map((l) => l.drawn.toFixed(0)).join(' ')} ms, FCP ${loads.atlas.map((l) => l.fcp.toFixed(0)).join(' ')} ms`);
  console.log(`  Plot:  all runs: drawn ${loads.Plot.map((l) => l.drawn.toFixed(0)).join(' ')} ms, FCP ${loads.Plot.map((l) => l.fcp.toFixed(0)).join(' ')} ms`);
  if (PLOT_ONLY) {
    const atlas = (pick) => figure('atlas', pick);
    const plot = (pick) => figure('Plot', pick);
    console.log(`  first contentful paint ${ms(atlas((l) => l.fcp))} against Plot's ${ms(plot((l) => l.fcp))}: ${verdict(atlas((l) => l.fcp), plot((l) => l.fcp))}`);
    console.log(`  chart on screen ${ms(atlas((l) => l.shown))} against 0.8 x Plot's = ${ms(TARGETS.drawnVsPlot * plot((l) => l.drawn))}: ${verdict(atlas((l) => l.shown), TARGETS.drawnVsPlot * plot((l) => l.drawn))}`);
    console.log(`  chart drawn by the code ${ms(atlas((l) => l.drawn))} against 0.8 x Plot's = ${ms(TARGETS.drawnVsPlot * plot((l) => l.drawn))}: ${verdict(atlas((l) => l.drawn), TARGETS.drawnVsPlot * plot((l) => l.drawn))}`);
  }
}

console.log(`  atlas embed.html (the Families embed) loads: ${embedList}`);
console.log(`  atlas: longest main-thread task in the ${AFTER_CHART_MS / 1000} s after the chart ${ms(median(steady.map((r) => r.longest)))} (0 = none over 50 ms; all runs: ${steady.map((r) => r.longest.toFixed(0)).join(' ')} ms); built-in prices ready ${ms(median(steady.map((r) => r.pricesReady)))} after the chart`);

const at = (list, pick) => median(list.map(pick));
const s1 = {
  chosenToDrawn: at(scale1, (r) => r.loaded.chosenToDrawn), parsedToDrawn: at(scale1, (r) => r.loaded.parsedToDrawn),
  toggle: at(scale1, (r) => r.toggle), open: at(scale1, (r) => r.open.frame), openRows: at(scale1, (r) => r.open.rows),
  key: at(scale1, (r) => r.keystroke.frame), keyRows: at(scale1, (r) => r.keystroke.rows),
};
const s10 = {
  toggle: at(scale10, (r) => r.toggle), open: at(scale10, (r) => r.open.frame), openRows: at(scale10, (r) => r.open.rows),
  key: at(scale10, (r) => r.keystroke.frame), keyRows: at(scale10, (r) => r.keystroke.rows),
  chosenToDrawn: at(scale10, (r) => r.loaded.chosenToDrawn), parsedToDrawn: at(scale10, (r) => r.loaded.parsedToDrawn),
};
const ratio = (a, b) => `${(b / a).toFixed(1)}x`;
console.log(`\nThe atlas at ${onefold.count} and ${tenfold.count.toLocaleString('en')} types: generated CSVs (${kb(onefold.buffer.length)}, ${kb(tenfold.buffer.length)}) chosen in Load data ("${scale10[0].loaded.banner.split('\n')[0]}"), medians of ${RUNS}`);
console.log([
  `| | ${onefold.count} types | ${tenfold.count.toLocaleString('en')} types | growth |`,
  '|---|---|---|---|',
  `| file chosen to chart drawn | ${ms(s1.chosenToDrawn)} | ${ms(s10.chosenToDrawn)} | ${ratio(s1.chosenToDrawn, s10.chosenToDrawn)} |`,
  `| data parsed to chart drawn | ${ms(s1.parsedToDrawn)} | ${ms(s10.parsedToDrawn)} | ${ratio(s1.parsedToDrawn, s10.parsedToDrawn)} |`,
  `| category toggle to redrawn | ${ms(s1.toggle)} | ${ms(s10.toggle)} | ${ratio(s1.toggle, s10.toggle)} |`,
  `| Table opened to next frame | ${ms(s1.open)} (rows in ${ms(s1.openRows)}) | ${ms(s10.open)} (rows in ${ms(s10.openRows)}) | ${ratio(s1.open, s10.open)} |`,
  `| Table filter keystroke to next frame | ${ms(s1.key)} (rows in ${ms(s1.keyRows)}) | ${ms(s10.key)} (rows in ${ms(s10.keyRows)}) | ${ratio(s1.key, s10.key)} |`,
].join('\n'));

const importParse = median(imports.map((r) => r.parse));
console.log(`\n10 MB describe-instance-types file (${describe.count} types, ${kb(describe.buffer.length)}), medians of ${RUNS}:`);
console.log(`  parse in the browser ${ms(importParse)}; file chosen -> data shown ${ms(median(imports.map((r) => r.total)))}; longest main-thread task ${ms(median(imports.map((r) => r.longest)))}`);
console.log(`  while the importer worker parses: longest main-thread task ${ms(median(imports.map((r) => r.whileParsing)))} (${median(imports.map((r) => r.longTasksWhileParsing))} tasks over 50 ms); answer decoded and filled in ${ms(median(imports.map((r) => r.answer)))}, in a task of ${ms(median(imports.map((r) => r.answerTask)))}`);

const plot = (pick) => figure('Plot', pick);
const atlas = (pick) => figure('atlas', pick);
const embedBytes = median(embed.map((l) => l.bytes));
const targets = [
  ['whole site a visitor downloads (every file in dist/ but the offline one, the importer worker and the offline template), gzip -9', kb(sizes.page.gzip), `<= ${kb(TARGETS.siteGzip)}`, verdict(sizes.page.gzip, TARGETS.siteGzip)],
  ['whole site with the importer worker and the offline template (fetched only by Load data and Download for offline use), gzip -9', kb(sizes.total.gzip), `<= ${kb(TARGETS.siteGzip)}`, verdict(sizes.total.gzip, TARGETS.siteGzip)],
  ['the page an embed of the Families chart loads (embed.html, from the network)', kb(embedBytes), `<= ${kb(TARGETS.embedGzip)}`, verdict(embedBytes, TARGETS.embedGzip)],
  ['the offline file, gzip -9', kb(sizes.offline?.gzip ?? NaN), `<= ${kb(TARGETS.offlineGzip)}`, verdict(sizes.offline?.gzip ?? Infinity, TARGETS.offlineGzip)],
  ['first contentful paint', ms(atlas((l) => l.fcp)), `<= Plot's ${ms(plot((l) => l.fcp))}`, verdict(atlas((l) => l.fcp), plot((l) => l.fcp))],
  ['navigation to chart on screen (the atlas: its chart drawn at build time, painted with the frame)', ms(atlas((l) => l.shown)), `<= 0.8 x Plot's drawn = ${ms(TARGETS.drawnVsPlot * plot((l) => l.drawn))}`, verdict(atlas((l) => l.shown), TARGETS.drawnVsPlot * plot((l) => l.drawn))],
  ['navigation to chart drawn by the code (hover, pins, zoom)', ms(atlas((l) => l.drawn)), `<= 0.8 x Plot's = ${ms(TARGETS.drawnVsPlot * plot((l) => l.drawn))}`, verdict(atlas((l) => l.drawn), TARGETS.drawnVsPlot * plot((l) => l.drawn))],
  ['category toggle to redrawn', ms(atlas((l) => l.redraw)), `<= 0.5 x Plot's = ${ms(TARGETS.redrawVsPlot * plot((l) => l.redraw))}`, verdict(atlas((l) => l.redraw), TARGETS.redrawVsPlot * plot((l) => l.redraw))],
  [`Table opened at ${tenfold.count.toLocaleString('en')} types, to next frame`, ms(s10.open), `<= ${TARGETS.tableOpenMs} ms`, verdict(s10.open, TARGETS.tableOpenMs)],
  [`Table keystroke at ${tenfold.count.toLocaleString('en')} types, to next frame`, ms(s10.key), `<= ${TARGETS.tableKeystrokeMs} ms`, verdict(s10.key, TARGETS.tableKeystrokeMs)],
  ['parse a 10 MB describe-instance-types file', ms(importParse), `<= ${TARGETS.importMs} ms`, verdict(importParse, TARGETS.importMs)],
];
console.log('\nTargets');
console.log(['| figure | atlas | target | verdict |', '|---|---|---|---|', ...targets.map((t) => `| ${t.join(' | ')} |`)].join('\n'));
