// End-to-end: the release build served on 127.0.0.1, driven in Chromium like a person would.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOKS, SHOTS, clickAndRepaint, open, shoot, useSite, waitForPaints, DATA } from './harness.mjs';

const CHART = '[data-testid=families-chart]';
useSite();

async function counts(page) {
  const chart = page.locator(CHART);
  return {
    series: Number(await chart.getAttribute('data-series')),
    points: Number(await chart.getAttribute('data-points')),
  };
}

/** How many pixels of the highlight overlay are painted. */
async function highlighted(page) {
  return page.evaluate(() => {
    const c = document.querySelector('canvas.chart-highlight');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  });
}

describe('Families chart', () => {
  test('draws a line per family over every instance type, with header and footer', async () => {
    const { page, context, problems, foreign } = await open();
    const { series, points } = await counts(page);
    assert.equal(series, DATA.families, `family lines: ${series}`);
    assert.equal(points, DATA.types, `instance types: ${points}`);
    assert.ok(points >= 1395, `instance types: ${points}`);
    assert.match(await page.locator('header h1').innerText(), /Instance Atlas/);
    assert.match(await page.locator('footer').innerText(), new RegExp(`${DATA.types} instance types from the EC2 API.*moto 5\\.2\\.5.*apache-libcloud 3\\.9\\.1 as of 2025-03-02, \\d+ of them marked suspect`));
    assert.equal(await page.locator('[data-testid=error]').count(), 0);
    const canvas = await page.locator(`${CHART} canvas.chart-canvas`).evaluate((c) => ({ w: c.width, css: c.clientWidth }));
    assert.equal(canvas.w, canvas.css * 2, 'the backing store follows the device pixel ratio');
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, [], 'no request leaves the site');
    await context.close();
  });

  test('category checkboxes and the legend toggle categories; All hides and shows them all', async () => {
    const { page, context } = await open();
    const all = await counts(page);
    await clickAndRepaint(page, '[data-testid=filter-category-compute]');
    const noCompute = await counts(page);
    assert.ok(noCompute.series < all.series, `compute families gone: ${all.series} -> ${noCompute.series}`);
    assert.equal(await page.isChecked('[data-testid=filter-category-compute]'), false);
    assert.equal(await page.isChecked('[data-testid=filter-category-all]'), false);

    await clickAndRepaint(page, '[data-testid=legend-memory]');
    const noMemory = await counts(page);
    assert.ok(noMemory.series < noCompute.series, 'the legend toggles too');
    assert.equal(await page.isChecked('[data-testid=filter-category-memory]'), false);

    await clickAndRepaint(page, '[data-testid=filter-category-all]');
    assert.deepEqual(await counts(page), all, 'All shows every category again');
    await clickAndRepaint(page, '[data-testid=filter-category-all]');
    assert.deepEqual(await counts(page), { series: 0, points: 0 });
    assert.match(await page.locator(CHART).innerText(), /No instance type matches/);
    await clickAndRepaint(page, '[data-testid=filter-category-accelerated]');
    const accelerated = await counts(page);
    assert.ok(accelerated.series >= 15 && accelerated.series < 40, `accelerated families: ${accelerated.series}`);
    await context.close();
  });

  test('series letters and current generation narrow the chart', async () => {
    const { page, context } = await open();
    const all = await counts(page);
    await clickAndRepaint(page, '[data-testid=filter-series-all]');
    assert.deepEqual(await counts(page), { series: 0, points: 0 });
    await clickAndRepaint(page, '[data-testid=filter-series-u]');
    const u = await counts(page);
    assert.equal(u.series, 12, 'twelve high-memory u families');
    await clickAndRepaint(page, '[data-testid=filter-series-all]');
    assert.deepEqual(await counts(page), all);
    await clickAndRepaint(page, '[data-testid=filter-current]');
    const current = await counts(page);
    assert.ok(current.points < all.points && current.points > 700, `current generation: ${current.points}`);
    await context.close();
  });

  test('hovering a dot shows its instance type, and axes switch between log and linear', async () => {
    const { page, context } = await open();
    const box = await page.locator(`${CHART} canvas.chart-canvas`).boundingBox();
    let text = '';
    for (let y = box.y + 20; y < box.y + box.height - 40 && !text; y += 9) {
      for (let x = box.x + 60; x < box.x + box.width - 20 && !text; x += 9) {
        await page.mouse.move(x, y);
        if (await page.locator('[data-testid=tooltip]').count()) text = await page.locator('[data-testid=tooltip]').innerText();
      }
    }
    assert.match(text, /^[a-z][a-z0-9-]*\.[a-z0-9-]+\n/, `tooltip names a type: ${text}`);
    for (const field of ['vCPU', 'Memory', 'Category', 'Processor', 'Clock', 'Network']) {
      assert.ok(text.includes(field), `tooltip shows ${field}`);
    }
    assert.match(text, /family, \d+ sizes? drawn/, 'tooltip names the family');
    assert.ok(await highlighted(page) > 0, 'the hovered family is drawn emphasised');
    await page.screenshot({ path: `${SHOTS}families-desktop-hover.png` });
    await page.mouse.move(5, 5);
    await page.waitForSelector('[data-testid=tooltip]', { state: 'detached' });
    await page.waitForFunction(() => {
      const c = document.querySelector('canvas.chart-highlight');
      return !c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0);
    });

    const shotLog = await page.locator(`${CHART} canvas.chart-canvas`).screenshot();
    await clickAndRepaint(page, '[data-testid=axis-x-log]');
    assert.equal(await page.isChecked('[data-testid=axis-x-log]'), false);
    const shotLinear = await page.locator(`${CHART} canvas.chart-canvas`).screenshot();
    assert.notDeepEqual(shotLinear, shotLog, 'the linear axis draws a different picture');
    await page.selectOption('[data-testid=axis-y-metric]', 'clock');
    await waitForPaints(page, 3);
    const { points } = await counts(page);
    assert.equal(points, DATA.clocked, `types with a published clock: ${points}`);
    await context.close();
  });

  test('screenshots at desktop and phone width, light and dark', async () => {
    for (const look of LOOKS) {
      const { page, context, problems } = await open(look);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${look.name}: no sideways scrolling (${overflow}px)`);
      await shoot(page, `families-${look.name}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
