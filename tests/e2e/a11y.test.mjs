// End-to-end accessibility: axe-core (npm, tests/e2e/package.json) runs on every view, the
// Embed and Load data panels open, light and dark, at 1280 px and 390 px, and finds nothing.
// The page is checked as a person meets it: after the view has drawn, with its panels open.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { open, shoot, useSite, waitForPaints } from './harness.mjs';

useSite();

/** axe-core's browser bundle, evaluated in the page through the driver (no CSP applies). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PINS = 'pin=m5.large,m6g.large,c7gn.16xlarge';

/**
 * What is checked: the address, how to know the view is ready, and what to open first.
 * `paints` is how many charts the view draws before it is ready (0: wait for `ready`).
 */
const SCREENS = [
  { name: 'families', path: '?view=families', paints: 1 },
  { name: 'sizes', path: '?view=sizes', ready: '[data-testid=sizes-matrix]' },
  { name: 'capabilities', path: '?view=capabilities', ready: '[data-testid=capability-matrix]' },
  { name: 'table', path: '?view=table', ready: '[data-testid=instance-table]' },
  { name: 'decoder', path: '?view=decoder&name=p3dn.24xlarge', ready: '[data-testid=decoder-sizes]' },
  { name: 'compare', path: `?view=compare&${PINS}`, ready: '[data-testid=compare-table]' },
  { name: 'letters', path: '?view=letters', ready: '[data-testid=letters-table]' },
  { name: 'embed-panel', path: '?view=families', paints: 1, click: '[data-testid=embed-button]', ready: '[data-testid=embed-snippet]' },
  { name: 'load-panel', path: '?view=families', paints: 1, click: '[data-testid=load-button]', ready: '[data-testid=import-paste]' },
];

const LOOKS = [
  { look: 'desktop-light', width: 1280, height: 860, colorScheme: 'light' },
  { look: 'desktop-dark', width: 1280, height: 860, colorScheme: 'dark' },
  { look: 'phone-light', width: 390, height: 844, colorScheme: 'light' },
  { look: 'phone-dark', width: 390, height: 844, colorScheme: 'dark' },
];

/** Runs axe on the page; resolves to one line per violated rule, with the first few nodes. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}`),
      count: v.nodes.length,
    }));
  });
  return result.map((v) => `${v.id} (${v.impact}, ${v.count}): ${v.nodes.join(' | ')}`);
}

describe('axe-core finds no violation', () => {
  for (const { look, ...viewport } of LOOKS) {
    test(`every view and panel, ${look}`, async () => {
      const found = {};
      for (const screen of SCREENS) {
        const { page, context, problems } = await open({ ...viewport, path: screen.path, waitForChart: false });
        if (screen.paints) await waitForPaints(page, screen.paints);
        if (screen.click) await page.click(screen.click);
        if (screen.ready) await page.waitForSelector(screen.ready);
        const violations = await axeViolations(page);
        if (violations.length) found[screen.name] = violations;
        await shoot(page, `a11y-${screen.name}-${look}`);
        assert.deepEqual(problems, [], `${screen.name}: no page or console error`);
        await context.close();
      }
      assert.deepEqual(found, {});
    });
  }
});
