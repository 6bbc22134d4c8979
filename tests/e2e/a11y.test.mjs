// End-to-end accessibility: axe-core (npm, tests/e2e/package.json) runs on every view, the
// Embed and Load data panels open, light and dark, at 1280 px and 390 px, and finds nothing.
// The page is checked as a person meets it: after the view has drawn, with its panels open.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { open, SCREENS, SCREEN_LOOKS as LOOKS, shoot, useSite, waitForPaints } from './harness.mjs';

useSite();

/** axe-core's browser bundle, evaluated in the page through the driver (no CSP applies). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

/** The focused element's data-testid (or id), as a person would see where the focus is. */
const focused = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.id ?? '');

describe('keyboard', () => {
  test('the view tabs are WAI-ARIA tabs: one Tab stop, arrows, Home and End, and the address follows', async () => {
    const { page, context, problems } = await open();
    const stops = await page.$$eval('[role=tab]', (tabs) => tabs.map((t) => t.tabIndex));
    assert.deepEqual(stops, [0, -1, -1, -1, -1, -1, -1], 'only the selected tab is in the Tab order');
    assert.equal(await page.getAttribute('[role=tabpanel]', 'aria-labelledby'), 'tab-families');
    await page.focus('[data-testid=tab-families]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid=tab-sizes][aria-selected=true]');
    assert.equal(await focused(page), 'tab-sizes', 'the focus moves with the arrow');
    assert.match(page.url(), /view=sizes/);
    await page.waitForSelector('[role=tabpanel][aria-labelledby=tab-sizes] [data-testid=sizes-matrix]');
    await page.keyboard.press('End');
    await page.waitForSelector('[data-testid=tab-letters][aria-selected=true]');
    assert.equal(await focused(page), 'tab-letters');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid=tab-families][aria-selected=true]');
    assert.equal(await focused(page), 'tab-families', 'the arrows wrap around');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid=tab-letters][aria-selected=true]');
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-testid=tab-families][aria-selected=true]');
    assert.equal(await focused(page), 'tab-families');
    assert.deepEqual(
      await page.$$eval('[role=tab]', (tabs) => tabs.map((t) => t.tabIndex)),
      [0, -1, -1, -1, -1, -1, -1],
    );
    await page.goBack();
    await page.waitForSelector('[data-testid=tab-letters][aria-selected=true]');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [view, grid, target] of [
    ['sizes', 'sizes-matrix', 'after-sizes-matrix'],
    ['capabilities', 'capability-matrix', 'after-capability-matrix'],
    ['table', 'instance-table', 'after-instance-table'],
  ]) {
    test(`${view}: a skip link, shown when focused, jumps past the grid without changing the address`, async () => {
      const { page, context, problems } = await open({ path: `?view=${view}`, waitForChart: false });
      await page.waitForSelector(`[data-testid=${grid}]`);
      const link = page.locator(`[data-testid=skip-${target}]`);
      assert.ok(((await link.boundingBox())?.width ?? 0) <= 1, 'out of sight until focused');
      const address = page.url();
      await link.focus();
      assert.ok((await link.boundingBox()).width > 40, 'visible when focused');
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.activeElement?.id === id, target);
      const gridBottom = await page.locator(`[data-testid=${grid}]`).evaluate((e) => e.closest("[role=region]").getBoundingClientRect().bottom);
      const landed = await page.locator(`#${target}`).evaluate((e) => e.getBoundingClientRect().top);
      assert.ok(landed >= gridBottom - 1, `the focus lands after the grid (${landed} >= ${gridBottom})`);
      assert.equal(page.url(), address, 'no #fragment in the address');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('Escape closes the Embed and Load data panels and the column picker; the focus returns to the opener', async () => {
    const { page, context, problems } = await open();
    await page.click('[data-testid=embed-button]');
    await page.focus('[data-testid=embed-snippet]');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[data-testid=embed-snippet]').count(), 0, 'the Embed panel closed');
    assert.equal(await focused(page), 'embed-button');
    assert.equal(await page.getAttribute('[data-testid=embed-button]', 'aria-expanded'), 'false');

    await page.click('[data-testid=load-button]');
    await page.focus('[data-testid=import-paste]');
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('[data-testid=import-paste]'), false, 'the Load data panel closed');
    assert.equal(await focused(page), 'load-button');

    await page.click('[data-testid=tab-table]');
    await page.click('[data-testid=column-picker]');
    const firstBox = page.locator('.column-list input').first();
    assert.ok(await firstBox.isVisible(), 'the picker opened');
    await firstBox.focus();
    await page.keyboard.press('Escape');
    assert.equal(await firstBox.isVisible(), false, 'the picker closed');
    assert.equal(await focused(page), 'column-picker');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('phone layout (390 px)', () => {
  const PHONE = { width: 390, height: 844 };

  test('no view scrolls sideways', async () => {
    const { page, context, problems } = await open(PHONE);
    const wide = {};
    for (const view of ['families', 'sizes', 'capabilities', 'table', 'decoder', 'compare', 'letters']) {
      await page.click(`[data-testid=tab-${view}]`);
      await page.waitForSelector(`[data-testid=tab-${view}][aria-selected=true]`);
      await page.waitForTimeout(200);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 0) wide[view] = over;
    }
    assert.deepEqual(wide, {}, 'pixels the page is wider than the screen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the tab strip shows it scrolls, and a view opened from the address has its tab in sight', async () => {
    const { page, context } = await open({ ...PHONE, path: '?view=letters', waitForChart: false });
    await page.waitForSelector('[data-testid=letters-table]');
    const strip = await page.locator('.tabs').evaluate((s) => ({
      overflow: s.scrollWidth - s.clientWidth,
      scrolled: s.scrollLeft,
      hint: getComputedStyle(s).backgroundImage,
    }));
    assert.ok(strip.overflow > 40, `the tabs do not fit and scroll (${strip.overflow} px more)`);
    assert.ok(strip.scrolled > 0, 'the strip was scrolled to the selected tab');
    assert.match(strip.hint, /radial-gradient/, 'edge shadows hint at more tabs');
    const tab = await page.locator('[data-testid=tab-letters]').boundingBox();
    assert.ok(tab.x >= 0 && tab.x + tab.width <= PHONE.width, `Letter prices is in sight: ${JSON.stringify(tab)}`);
    await shoot(page, 'phone-tabs-scrolled');
    await context.close();
  });

  test('the Families filters open from a button above the chart, over it, and Escape closes them', async () => {
    const { page, context, problems } = await open(PHONE);
    const toggle = page.locator('[data-testid=filters-toggle]');
    const chart = await page.locator('[data-testid=families-chart]').boundingBox();
    const button = await toggle.boundingBox();
    assert.ok(button.y + button.height <= chart.y, 'the button is above the chart, not below it');
    assert.equal(await page.isVisible('[data-testid=filter-category-compute]'), false, 'folded until asked');
    await toggle.click();
    assert.ok(await page.isVisible('[data-testid=filter-category-compute]'));
    const panel = await page.locator('.filters-body').boundingBox();
    assert.ok(panel.y < chart.y + chart.height / 2, 'the panel opens over the chart');
    await shoot(page, 'phone-filters-open');
    const before = await page.evaluate(() => performance.getEntriesByName('atlas:chart-drawn').length);
    await page.click('[data-testid=filter-category-compute]');
    await waitForPaints(page, before + 1);
    assert.match(await toggle.innerText(), /Filters \(1 set\)/);
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('[data-testid=filter-category-compute]'), false);
    assert.equal(await focused(page), 'filters-toggle');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const width of [1280, 390, 360]) {
    test(`every choice of every menu shows its whole text at ${width} px`, async () => {
      const { page, context } = await open({ width, height: 844 });
      const cut = [];
      for (const menu of ['colour-by', 'axis-x-metric', 'axis-y-metric', 'region-select', 'os-select']) {
        const { text, room, label } = await page.locator(`[data-testid=${menu}]`).evaluate((select) => {
          const style = getComputedStyle(select);
          const context = document.createElement('canvas').getContext('2d');
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          // The widest choice, the hardest to fit once chosen.
          const [widest] = [...select.options]
            .map((o) => ({ label: o.text, text: context.measureText(o.text).width }))
            .sort((a, b) => b.text - a.text);
          // The room for text: the box less its padding and the arrow (about 20 px).
          const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
          return { ...widest, room: select.clientWidth - padding - 20 };
        });
        if (text > room) cut.push(`${menu}: "${label}" is ${Math.round(text)} px of text in ${Math.round(room)} px`);
      }
      assert.deepEqual(cut, []);
      // The widest region chosen, as a person sees it.
      const longest = await page.$$eval('[data-testid=region-select] option', (options) =>
        options.sort((a, b) => b.text.length - a.text.length)[0].value,
      );
      await page.selectOption('[data-testid=region-select]', longest);
      await shoot(page, `menus-${width}`);
      await context.close();
    });
  }
});
