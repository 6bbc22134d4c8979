// `make bench`: sizes of the release site and timings in headless Chromium, as medians.
// Prints figures; asserts nothing (timings on a shared machine are not test material).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, serve } from './server.mjs';
import { describeFile, importOnce } from './bench_import.mjs';

const DIST = process.env.ATLAS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const OFFLINE = 'instance-atlas.html';
const DATA = fileURLToPath(new URL('../../assets/data/', import.meta.url));

/** Sizes of the data files the build embeds, alone (what they add to the WebAssembly). */
async function embeddedData() {
  const size = async (file) => {
    const bytes = await readFile(join(DATA, file));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  return { types: await size('instance-types.csv'), prices: await size('prices-compact.csv') };
}

const TARGETS = { totalGzip: 300 * 1024, firstChartMs: 250, toggleMs: 50, tableKeystrokeMs: 50, importMs: 300 };

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out.sort();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;

async function sizes() {
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
  // The one-file offline build is a separate download, not part of what a visitor loads.
  const offline = rows.find((r) => r.file === OFFLINE);
  const site = rows.filter((r) => r.file !== OFFLINE);
  const total = site.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const line = (r) => console.log(r.file.padEnd(48), kb(r.raw).padStart(10), kb(r.gzip).padStart(10), kb(r.brotli).padStart(10));
  console.log('\nSite size (dist/)');
  console.log('file'.padEnd(48), 'raw'.padStart(10), 'gzip -9'.padStart(10), 'brotli'.padStart(10));
  for (const r of [...site, { file: 'TOTAL (what a visitor loads)', ...total }]) line(r);
  if (offline) line({ ...offline, file: `${OFFLINE} (offline download)` });
  const data = await embeddedData();
  console.log(`of which embedded data: instance types ${kb(data.types.raw)} raw / ${kb(data.types.gzip)} gzip, prices ${kb(data.prices.raw)} raw / ${kb(data.prices.gzip)} gzip`);
  return total;
}

/** One fresh page: navigation start to first chart paint, then category toggle to repaint. */
async function timeOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:chart-drawn').length > 0, null, { timeout: 15000 });
  const { first, start, parsed } = await page.evaluate(() => ({
    first: performance.getEntriesByName('atlas:chart-drawn')[0].startTime,
    start: performance.getEntriesByName('atlas:start')[0]?.startTime ?? NaN,
    parsed: performance.getEntriesByName('atlas:data-parsed')[0]?.startTime ?? NaN,
  }));
  const toggle = await page.evaluate(() => new Promise((done) => {
    const before = performance.getEntriesByName('atlas:chart-drawn').length;
    const observer = new PerformanceObserver(() => {
      const marks = performance.getEntriesByName('atlas:chart-drawn');
      if (marks.length > before) {
        observer.disconnect();
        done(marks[marks.length - 1].startTime - start);
      }
    });
    observer.observe({ type: 'mark' });
    const start = performance.now();
    document.querySelector('[data-testid=filter-category-compute]').click();
  }));
  await context.close();
  return { first, start, parse: parsed - start, toggle };
}

/**
 * One fresh page on the Table tab with every row shown: one keystroke in the vCPU filter
 * (an input event) to the rows changed in the DOM (a MutationObserver on the table body:
 * rows added, removed, hidden or shown), and to the next frame after that (layout and
 * paint included).
 */
async function tableKeystrokeOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid=tab-table]');
  await page.click('[data-testid=tab-table]');
  await page.waitForSelector('[data-testid=instance-row]');
  await page.waitForTimeout(100);
  const keystroke = await page.evaluate(() => new Promise((done, fail) => {
    const body = document.querySelector('[data-testid=instance-table] tbody');
    const input = document.querySelector('[data-testid=table-filter-vcpu]');
    const observer = new MutationObserver(() => {
      observer.disconnect();
      const rows = performance.now() - start;
      requestAnimationFrame(() => setTimeout(() => done({ rows, frame: performance.now() - start }), 0));
    });
    observer.observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
    setTimeout(() => fail(new Error('the table did not update within 5 s')), 5000);
    const start = performance.now();
    input.value = '>=32';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: '2', inputType: 'insertText' }));
  }));
  await context.close();
  return keystroke;
}

const total = await sizes();
const server = await serve(DIST);
const browser = await chromium.launch(CHROMIUM);
const runs = [];
await timeOnce(browser, server.url); // warm-up: the browser's own start-up is not the app's
for (let i = 0; i < RUNS; i++) runs.push(await timeOnce(browser, server.url));
const keystrokes = [];
for (let i = 0; i < RUNS; i++) keystrokes.push(await tableKeystrokeOnce(browser, server.url));
const describe = await describeFile(10);
const imports = [];
for (let i = 0; i < RUNS; i++) imports.push(await importOnce(browser, server.url, describe));
await browser.close();
await server.close();

const first = median(runs.map((r) => r.first));
const toggle = median(runs.map((r) => r.toggle));
const start = median(runs.map((r) => r.start));
const parse = median(runs.map((r) => r.parse));
const verdict = (value, target) => (value <= target ? 'within' : 'OVER');
console.log(`\nTimings, median of ${RUNS} runs (each a fresh page)`);
console.log(`navigation start -> first chart drawn   ${ms(first).padStart(10)}   target ${TARGETS.firstChartMs} ms: ${verdict(first, TARGETS.firstChartMs)}`);
console.log(`  of which: navigation -> WebAssembly running ${ms(start).padStart(10)}; running -> first chart ${ms(first - start)}, including parsing the dataset ${ms(parse)}`);
console.log(`category toggle  -> chart redrawn       ${ms(toggle).padStart(10)}   target ${TARGETS.toggleMs} ms: ${verdict(toggle, TARGETS.toggleMs)}`);
const keystroke = median(keystrokes.map((k) => k.rows));
const keystrokeFrame = median(keystrokes.map((k) => k.frame));
console.log(`table filter keystroke -> rows updated  ${ms(keystroke).padStart(10)}   target ${TARGETS.tableKeystrokeMs} ms: ${verdict(keystroke, TARGETS.tableKeystrokeMs)} (next frame painted ${ms(keystrokeFrame)})`);
const importParse = median(imports.map((r) => r.parse));
console.log(`10 MB describe-instance-types file (${describe.count} types, ${kb(describe.buffer.length)}):`);
console.log(`  parse in the browser                  ${ms(importParse).padStart(10)}   target ${TARGETS.importMs} ms: ${verdict(importParse, TARGETS.importMs)}`);
console.log(`  file chosen -> data shown (read+parse) ${ms(median(imports.map((r) => r.total))).padStart(9)}; longest main-thread task ${ms(median(imports.map((r) => r.longest)))}`);
console.log(`whole site gzip -9                      ${kb(total.gzip).padStart(10)}   target ${TARGETS.totalGzip / 1024} KB: ${verdict(total.gzip, TARGETS.totalGzip)}`);
console.log(`all runs: first ${runs.map((r) => r.first.toFixed(0)).join(' ')} ms; toggle ${runs.map((r) => r.toggle.toFixed(1)).join(' ')} ms`);
console.log(`table keystrokes: rows ${keystrokes.map((k) => k.rows.toFixed(1)).join(' ')} ms; frame ${keystrokes.map((k) => k.frame.toFixed(0)).join(' ')} ms`);
