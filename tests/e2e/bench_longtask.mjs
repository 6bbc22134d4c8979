// `make bench`, one cold load of the atlas: the longest main-thread task from the first
// chart until 3 s later (what a click or key press just then may wait for), from the
// browser's own 'longtask' entries (tasks over 50 ms; none means every task was shorter).
import { entries } from './bench_load.mjs';

/** How long after the first chart the tasks are watched, in ms. */
export const AFTER_CHART_MS = 3000;

/**
 * Loads `url` in a fresh context and resolves to { longest, tasks, pricesReady }: the
 * duration of the longest task (ms, 0 when none exceeds 50 ms) that started after the mark
 * `mark`, every such task as [start, duration] relative to that mark, and when the built-in
 * prices were ready (the mark `atlas:prices-ready`, ms after `mark`; NaN without it).
 */
export async function longestTaskOnce(browser, url, mark = 'atlas:chart-drawn') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  // Before the page's own scripts: a long task is reported only to observers present then.
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await entries(page, mark, 'mark');
  const { tasks, pricesReady } = await page.evaluate(({ name, wait }) => new Promise((done) => {
    const chart = performance.getEntriesByName(name)[0].startTime;
    setTimeout(() => done({
      tasks: window.__longTasks
        .filter(([start]) => start >= chart && start <= chart + wait)
        .map(([start, duration]) => [start - chart, duration]),
      pricesReady: (performance.getEntriesByName('atlas:prices-ready')[0]?.startTime ?? NaN) - chart,
    }), wait - (performance.now() - chart));
  }), { name: mark, wait: AFTER_CHART_MS });
  await context.close();
  return { longest: Math.max(0, ...tasks.map(([, d]) => d)), tasks, pricesReady };
}
