// `make bench`, one cold load of a page that draws the Families chart (the atlas or a
// comparison page): the bytes of every file the page loads, first contentful paint,
// navigation to chart drawn, and category toggle to chart redrawn.
import { gzipSync } from 'node:zlib';

/** The category checkbox every page has (the atlas's own test id). */
export const TOGGLE = '[data-testid=filter-category-compute]';

/**
 * One fresh context (no cache) loading `url`; `mark` is the name the page marks after each
 * draw. Bytes are counted from the responses the browser receives (gzip -9 of each body).
 * With `toggle: false` (a page without the category filters, such as embed.html) no redraw
 * is timed. `context` adds options to the browser context (`{ reducedMotion: 'reduce' }`).
 */
export async function loadOnce(browser, url, mark, { toggle = true, context: options = {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (response) => {
    if (response.status() < 200 || response.status() >= 300) return;
    bodies.push(
      response
        .body()
        .then((body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length }))
        .catch(() => null),
    );
  });
  const document = await page.goto(url);
  // Whether the page's HTML carries the atlas's first chart, drawn at build time.
  const prerendered = (await document.text()).includes('data-testid="prerendered-chart"');
  await entries(page, mark, 'mark');
  await entries(page, 'first-contentful-paint', 'paint');
  // When the chart was first on screen: the atlas's frame carries the first chart drawn at
  // build time (crates/model/src/chart/prerender.rs), whose paint Element Timing reports
  // (when the drawing is still in the page as that frame is presented: the app often
  // replaces it sooner, and then the entry is dropped). Without an entry, the first
  // contentful paint showed it if that paint came before the code even started; otherwise
  // (a comparison page, a later paint) the chart was on screen when the code drew it.
  const element = await page.evaluate(() => new Promise((done) => {
    new PerformanceObserver((list) => {
      done(list.getEntries().find((e) => e.identifier === 'prerendered-chart')?.renderTime ?? NaN);
    }).observe({ type: 'element', buffered: true });
    setTimeout(() => done(NaN), 100);
  }));
  const { drawn, fcp, start, phases } = await page.evaluate((name) => ({
    drawn: performance.getEntriesByName(name)[0].startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    start: performance.getEntriesByName('atlas:start')[0]?.startTime ?? NaN,
    // The first paint, when the page's WebAssembly was asked for and arrived, and when each of
    // its marks first fell.
    phases: Object.fromEntries([
      ...performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]),
      ...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('_bg.wasm')).flatMap((e) => [['wasm asked', e.startTime], ['wasm fetched', e.responseEnd]]),
      ...performance.getEntriesByType('mark').reverse().map((e) => [e.name, e.startTime]),
    ]),
  }), mark);
  // The atlas builds the rest of its page (the filters among it) in the task after the frame
  // that showed the first chart: the toggle waits for it, and its time is reported.
  // (NaN for a page without that mark: a comparison page, or an older build.)
  const complete = mark.startsWith('atlas:')
    ? await entries(page, 'atlas:page-complete', 'mark', 3000)
      .then(() => page.evaluate(() => performance.getEntriesByName('atlas:page-complete')[0].startTime), () => NaN)
    : NaN;
  phases['atlas:page-complete'] = complete;
  await settle(page);
  const redraw = toggle ? await toggleOnce(page, mark) : NaN;
  const files = (await Promise.all(bodies)).filter(Boolean);
  await context.close();
  const painted = Number.isFinite(element) ? element : prerendered && fcp < start ? fcp : NaN;
  const shown = Number.isFinite(painted) ? Math.min(painted, drawn) : drawn;
  return { drawn, shown, prerendered: Number.isFinite(painted), fcp, start, complete, phases, redraw, files, bytes: files.reduce((sum, f) => sum + f.gzip, 0) };
}

/**
 * Resolves once the page has a performance entry `name` of `type`. A PerformanceObserver
 * in the page's own script, not Playwright's `waitForFunction`: that one injects its own
 * script (some 20 ms of parsing) into the page while it starts, and polls every frame.
 * Rejects after `timeout` ms.
 */
export function entries(page, name, type, timeout = 30000) {
  return page.evaluate(({ name, type, timeout }) => new Promise((done, fail) => {
    const seen = () => performance.getEntriesByName(name).length > 0;
    if (seen()) return done();
    const observer = new PerformanceObserver(() => {
      if (seen()) {
        observer.disconnect();
        done();
      }
    });
    observer.observe({ type, buffered: true });
    setTimeout(() => fail(new Error(`no ${type} ${name} within ${timeout} ms`)), timeout);
  }), { name, type, timeout });
}

/** Lets the page finish what it does after a draw (one frame and a little more). */
export function settle(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
}

/** Clicks the category checkbox in the page and resolves to the ms until the next `mark`. */
export function toggleOnce(page, mark, selector = TOGGLE) {
  return page.evaluate(({ name, selector }) => new Promise((done, fail) => {
    const before = performance.getEntriesByName(name).length;
    const observer = new PerformanceObserver(() => {
      const marks = performance.getEntriesByName(name);
      if (marks.length > before) {
        observer.disconnect();
        done(marks[marks.length - 1].startTime - start);
      }
    });
    observer.observe({ type: 'mark' });
    setTimeout(() => fail(new Error(`no redraw within 10 s after clicking ${selector}`)), 10000);
    const start = performance.now();
    document.querySelector(selector).click();
  }), { name: mark, selector });
}
