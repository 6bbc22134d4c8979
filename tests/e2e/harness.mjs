// Shared end-to-end harness: one server and one browser per test file, pages that record
// errors and foreign requests, and waits keyed to the app's `atlas:chart-drawn` mark.
import { after, before } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, serve } from './server.mjs';

/** The built site under test (`make dist` writes it; ATLAS_DIST points elsewhere). */
export const DIST = process.env.ATLAS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
/** Where screenshots go. */
export const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const shared = { server: null, browser: null };

/** Registers before/after hooks that start and stop the server and the browser. */
export function useSite(options = {}) {
  before(async () => {
    shared.server = await serve(DIST, options);
    shared.browser = await chromium.launch(CHROMIUM);
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/**
 * Opens the app (at `path`, relative to the site root) and waits for the first chart paint
 * unless `waitForChart` is false; collects page errors, console errors and requests that
 * leave the site.
 */
export async function open({ width = 1280, height = 860, colorScheme = 'light', path = '', waitForChart = true, route = null } = {}) {
  const context = await shared.browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: 2 });
  // A test may answer some requests itself (a file the host lost, say): [URL pattern, handler].
  if (route) await context.route(...route);
  const page = await context.newPage();
  const problems = [];
  const foreign = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('request', (request) => !request.url().startsWith(shared.server.url) && foreign.push(request.url()));
  await page.goto(shared.server.url + path);
  if (waitForChart) await waitForPage(page);
  // index.html's frame has a <main> too: wait until the app has replaced it (or, when a
  // test makes the app panic, until the panic page stands in its place).
  else await page.waitForSelector('main:not([data-testid=skeleton] main), [data-testid=panic]');
  return { page, context, problems, foreign };
}

/**
 * Waits until the app has drawn its first chart and then built the rest of the page (it
 * builds the filters, menus and legend in the task after that chart's frame: PageComplete in
 * src/lib.rs), so a test's clicks do not race that second step.
 */
export async function waitForPage(page) {
  await waitForPaints(page, 1);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:page-complete').length > 0, null, { timeout: 15000 });
}

/** Waits until the app has painted a chart at least `count` times. */
export async function waitForPaints(page, count) {
  await page.waitForFunction((n) => performance.getEntriesByName('atlas:chart-drawn').length >= n, count, {
    timeout: 15000,
  });
}

/** How many chart paints the page has made. */
export async function paints(page) {
  return page.evaluate(() => performance.getEntriesByName('atlas:chart-drawn').length);
}

/** Clicks and waits for the repaint that follows. */
export async function clickAndRepaint(page, selector) {
  const before = await paints(page);
  await page.click(selector);
  await waitForPaints(page, before + 1);
}

/** Saves a full-page screenshot as screenshots/<name>.png. */
export async function shoot(page, name) {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** The four looks every view is checked in. */
export const LOOKS = [
  { name: 'desktop-light', width: 1280, height: 860, colorScheme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 860, colorScheme: 'dark' },
  { name: 'phone-light', width: 360, height: 780, colorScheme: 'light' },
  { name: 'phone-dark', width: 360, height: 780, colorScheme: 'dark' },
];

/** The pinned types the Compare screen opens with. */
export const PINS = 'pin=m5.large,m6g.large,c7gn.16xlarge';

/**
 * Every view and the Embed and Load data panels, as a person meets them: the address, how
 * to know the screen is ready, and what to open first. `paints` is how many charts the view
 * draws before it is ready.
 */
export const SCREENS = [
  { name: 'families', path: '?view=families', paints: 1, ready: '[data-testid=families-chart]' },
  { name: 'sizes', path: '?view=sizes', ready: '[data-testid=sizes-matrix]' },
  { name: 'capabilities', path: '?view=capabilities', ready: '[data-testid=capability-matrix]' },
  { name: 'table', path: '?view=table', ready: '[data-testid=instance-table]' },
  { name: 'decoder', path: '?view=decoder&name=p3dn.24xlarge', ready: '[data-testid=decoder-sizes]' },
  { name: 'compare', path: `?view=compare&${PINS}`, ready: '[data-testid=compare-table]' },
  { name: 'letters', path: '?view=letters', ready: '[data-testid=letters-table]' },
  { name: 'embed-panel', path: '?view=families', paints: 1, click: '[data-testid=embed-button]', ready: '[data-testid=embed-snippet]' },
  { name: 'load-panel', path: '?view=families', paints: 1, click: '[data-testid=load-button]', ready: '[data-testid=import-paste]' },
];

/** The four looks at the widths a person's screens have: 1280 px and a 390 px phone. */
export const SCREEN_LOOKS = [
  { look: 'desktop-light', width: 1280, height: 860, colorScheme: 'light' },
  { look: 'desktop-dark', width: 1280, height: 860, colorScheme: 'dark' },
  { look: 'phone-light', width: 390, height: 844, colorScheme: 'light' },
  { look: 'phone-dark', width: 390, height: 844, colorScheme: 'dark' },
];

/**
 * Counts from the embedded dataset itself (`assets/data/instance-types.csv`), so tests follow
 * a data refresh: `types` rows, `families` (the part before the dot), `clocked` (types with
 * a clock), `computeFamilies` (series c, cc, hpc, the Compute category).
 */
export const DATA = (() => {
  const text = readFileSync(fileURLToPath(new URL('../../assets/data/instance-types.csv', import.meta.url)), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const columns = header.split(',');
  const clock = columns.indexOf('clock_speed');
  const names = lines.map((line) => line.split(',')[0]);
  const families = new Set(names.map((n) => n.split('.')[0]));
  const compute = [...families].filter((f) => /^(c|cc|hpc)\d/.test(f));
  // Cells before the clock column hold no commas (names, numbers, memory).
  const clocked = lines.filter((line) => line.split(',')[clock]).length;
  return { types: names.length, families: families.size, computeFamilies: compute.length, clocked };
})();
