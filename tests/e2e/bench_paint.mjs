// Where the atlas's first contentful paint goes: the built page and variants of it (the
// WebAssembly refused, boot.js left out, the stylesheet inlined, Trunk's preloads left out,
// the WebAssembly held back, no script at all), each loaded cold in turn with Observable
// Plot's comparison page, in one run. Prints medians; asserts nothing.
//
//   node tests/e2e/bench_paint.mjs [dist/]      (BENCH_RUNS, default 7, loads per page)
//
// The variants are made on the fly by the server below (one path prefix per variant), so no
// request is intercepted by the browser driver, which would add its own delay.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, serve } from './server.mjs';
import { entries } from './bench_load.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const DIST = resolve(process.argv[2] ?? fileURLToPath(new URL('../../dist/', import.meta.url)));
const ANCHORS = fileURLToPath(new URL('../bench/anchors/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const HOLD_MS = 1500;

/** Each variant: a change to index.html and the fate of the page's WebAssembly request. */
const VARIANTS = {
  atlas: {},
  'wasm refused': { wasm: 'refuse' },
  [`wasm held ${HOLD_MS} ms`]: { wasm: 'hold' },
  'no boot.js': { html: (h) => h.replace(/<script src="\.\/boot-[^"]+"[^>]*><\/script>/, '') },
  'css inlined': { html: inlineCss },
  'no preloads': { html: (h) => h.replace(/<link rel="(module)?preload"[^>]*>/g, '') },
  'no stylesheet': { html: (h) => h.replace(/<link rel="stylesheet"[^>]*>/, '') },
  'scripts after frame': { html: scriptsAfterFrame },
  'boot.js after frame': { html: (h) => moveToBodyEnd(h, /<script src="\.\/boot-[^"]+"[^>]*><\/script>/g) },
  'no prerendered chart': { html: (h) => h.replace(/<svg class="prerendered[\s\S]*<\/svg>/, '') },
  'prerender without dots': { html: (h) => h.replace(/<path class="[^"]* dot"[^>]*>/g, '') },
  'prerender wide only': { html: (h) => h.replace(/<svg class="prerendered narrow[\s\S]*?<\/svg>/, '') },
  'prerender no text': { html: (h) => h.replace(/(<svg class="prerendered[\s\S]*<\/svg>)/, (svg) => svg.replace(/<text[^>]*>[^<]*<\/text>/g, '')) },
  // The page's code started with the frame rather than after its first paint (as it was built
  // before): with Trunk's preloads, and without them.
  'code at once': { html: codeAtOnce },
  'code at once without preloads': { html: (h) => codeAtOnce(h).replace(/<link rel="(module)?preload"[^>]*>/g, '') },
  'no skeleton gradient': { html: (h) => h.replace('</head>', '<style>.skeleton-sidebar, .skeleton-chart { background-image: none; }</style></head>') },
  'no skeleton at all': { html: (h) => h.replace('</head>', '<style>.skeleton-sidebar, .skeleton-chart, .skeleton-box { background: none; }</style></head>') },
  'prerender in the page font': { html: (h) => h.replace('</head>', '<style>.prerendered text { font-family: inherit; }</style></head>') },
  'no scripts': { html: (h) => h.replace(/<script\b[^>]*><\/script>/g, '').replace(/<link rel="(module)?preload"[^>]*>/g, '') },
};

/** The page with the tags that start its code in place (scripts/postbuild.mjs holds them back). */
function codeAtOnce(html) {
  return html.replace(/<template data-atlas-start>([\s\S]*?)<\/template>/g, '$1');
}

/** Moves every tag `pattern` matches from where it is to just before `</body>`. */
function moveToBodyEnd(html, pattern) {
  const moved = html.match(pattern) ?? [];
  return html.replace(pattern, '').replace('</body>', `${moved.join('\n')}\n</body>`);
}

function scriptsAfterFrame(html) {
  return moveToBodyEnd(html, /<script\b[^>]*><\/script>|<link rel="(module)?preload"[^>]*>/g);
}

let cssText = '';
// 'loader after paint': a module that waits for the first paint, then imports the loader.
function inlineCss(html) {
  return html.replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${cssText}</style>`);
}

async function variantServer() {
  const server = createServer(async (request, response) => {
    const [, variant, ...rest] = decodeURIComponent(new URL(request.url, 'http://x').pathname).split('/');
    const rule = VARIANTS[variant];
    const file = rest.join('/') || 'index.html';
    if (!rule || file.includes('..')) return response.writeHead(404).end();
    if (file.endsWith('_bg.wasm') && rule.wasm === 'refuse') return response.writeHead(404).end();
    if (file.endsWith('_bg.wasm') && rule.wasm === 'hold') await new Promise((done) => setTimeout(done, HOLD_MS));
    try {
      let body = await readFile(join(DIST, file));
      if (file === 'index.html' && rule.html) body = Buffer.from(rule.html(body.toString('utf8')));
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((d) => server.close(d)) };
}

/** One cold load: first paint, first contentful paint, and when the stylesheet arrived. */
async function paintOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await entries(page, 'first-contentful-paint', 'paint');
  const figures = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const resource = (pattern) => performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      fcp: at('first-contentful-paint'),
      html: nav.responseEnd,
      css: resource(/\.css$/)?.responseEnd ?? NaN,
      wasm: resource(/_bg\.wasm$/)?.responseEnd ?? NaN,
    };
  });
  await context.close();
  return figures;
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

cssText = await readFile(join(DIST, (await readFile(join(DIST, 'index.html'), 'utf8')).match(/href="\.\/(style-[^"]+\.css)"/)[1]), 'utf8');
const site = await variantServer();
const anchors = await serve(ANCHORS);
const browser = await chromium.launch(CHROMIUM);
// BENCH_VARIANTS="atlas,no scripts" measures only those (Plot always).
const only = process.env.BENCH_VARIANTS?.split(',');
const pages = [...Object.keys(VARIANTS).filter((name) => !only || only.includes(name)).map((name) => ({ name, url: `${site.url}${encodeURIComponent(name)}/` })), { name: 'Plot', url: `${anchors.url}plot.html` }];
for (const p of pages) {
  p.loads = [];
  await paintOnce(browser, p.url); // warm-up
}
for (let i = 0; i < RUNS; i++) for (const p of pages) p.loads.push(await paintOnce(browser, p.url));
const version = browser.version();
await browser.close();
await site.close();
await anchors.close();

const f = (v) => (Number.isFinite(v) ? v.toFixed(1) : '-');
console.log(`\nFirst contentful paint, medians of ${RUNS} cold loads each, in turn, headless Chromium ${version}`);
console.log('| page | FCP ms | fastest FCP | HTML received | CSS received | wasm received | all FCPs |');
console.log('|---|---|---|---|---|---|---|');
for (const p of pages) {
  const m = (k) => f(median(p.loads.map((l) => l[k])));
  console.log(`| ${p.name} | ${m('fcp')} | ${f(Math.min(...p.loads.map((l) => l.fcp)))} | ${m('html')} | ${m('css')} | ${m('wasm')} | ${p.loads.map((l) => l.fcp.toFixed(0)).join(' ')} |`);
}
