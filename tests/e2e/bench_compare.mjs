// Two builds of the atlas side by side, in one run on one machine: navigation to chart on
// screen and to chart drawn by the code, first contentful paint and category toggle to
// redrawn (`bench_load.mjs`, as `make bench` measures the atlas), medians of cold loads taken in turn, and the bytes each page loads.
//
//   node tests/e2e/bench_compare.mjs <other dist/> [<this dist/>]
//
// For example an older commit's release build beside this one's:
//   git worktree add --detach /tmp/atlas-old <commit> && cp -a target /tmp/atlas-old/
//   (cd /tmp/atlas-old && trunk build --release) && make dist
//   node tests/e2e/bench_compare.mjs /tmp/atlas-old/dist
// BENCH_RUNS (default 7) sets the loads per build. Prints figures; asserts nothing.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, serve } from './server.mjs';
import { loadOnce } from './bench_load.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const MARK = 'atlas:chart-drawn';
const [other, mine = fileURLToPath(new URL('../../dist/', import.meta.url))] = process.argv.slice(2);
if (!other) {
  console.error('usage: node tests/e2e/bench_compare.mjs <other dist/> [<this dist/>]');
  process.exit(2);
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const builds = [
  { name: 'other', dir: resolve(other) },
  { name: 'this', dir: resolve(mine) },
];
for (const build of builds) build.site = await serve(build.dir);
const browser = await chromium.launch(CHROMIUM);
for (const build of builds) {
  await loadOnce(browser, build.site.url, MARK); // warm-up: the browser's start-up is no build's cost
  build.loads = [];
}
// In turn, so that whatever else the machine does falls on both alike.
for (let i = 0; i < RUNS; i++) {
  for (const build of builds) build.loads.push(await loadOnce(browser, build.site.url, MARK));
}
const version = browser.version();
await browser.close();
for (const build of builds) await build.site.close();

console.log(`\nTwo builds, medians of ${RUNS} cold loads each, in turn, headless Chromium ${version}`);
const pick = (build, key) => median(build.loads.map((l) => l[key]));
const rows = [
  ['navigation to chart on screen', 'shown', ms],
  ['navigation to chart drawn by the code', 'drawn', ms],
  ['first contentful paint', 'fcp', ms],
  ['category toggle to redrawn', 'redraw', ms],
  ['bytes the page loads, gzip -9', 'bytes', kb],
];
console.log(`| | ${builds.map((b) => `${b.name} (${b.dir})`).join(' | ')} |`);
console.log(`|---|${builds.map(() => '---').join('|')}|`);
for (const [label, key, format] of rows) {
  console.log(`| ${label} | ${builds.map((b) => format(pick(b, key))).join(' | ')} |`);
}
// Where the time to the first chart goes: the first paint, the page's code asked for once it
// is painted (`atlas:code-requested`; a build without that mark shows NaN), its WebAssembly
// asked for and fetched, running (`atlas:start`), the built-in catalogue parsed (`atlas:data-parsed`), the chart drawn, the
// rest of the page built (`atlas:page-complete`; a build without that mark shows NaN).
const phases = ['first-contentful-paint', 'atlas:code-requested', 'wasm asked', 'wasm fetched', 'atlas:start', 'atlas:data-parsed', MARK, 'atlas:page-complete'];
for (const build of builds) {
  const at = phases.map((name) => median(build.loads.map((l) => l.phases[name])));
  const steps = phases.map((name, i) => `${name} ${ms(at[i])}${i ? ` (+${ms(at[i] - at[i - 1])})` : ''}`);
  console.log(`  ${build.name}: ${steps.join(', ')}`);
}
for (const build of builds) {
  const all = (key) => build.loads.map((l) => l[key].toFixed(0)).join(' ');
  console.log(`  ${build.name}: drawn ${all('drawn')} ms; redrawn ${all('redraw')} ms`);
}
