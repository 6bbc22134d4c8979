// End-to-end: the Sizes view (family × size matrix and the ladder chart) on the release
// build, driven in Chromium like a person would.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOKS, clickAndRepaint, open, shoot, useSite, waitForPaints, DATA } from './harness.mjs';

const MATRIX = '[data-testid=sizes-matrix]';
const CHART = '[data-testid=ladder-chart]';
const cell = (name) => `[data-testid=size-cell][data-type="${name}"]`;
useSite();

/** Opens the app and switches to Sizes, waiting for the ladder chart's first paint. */
async function openSizes(look) {
  const opened = await open(look);
  await clickAndRepaint(opened.page, '[data-testid=tab-sizes]');
  await opened.page.waitForSelector(MATRIX);
  return opened;
}

async function chartCounts(page) {
  const chart = page.locator(CHART);
  return {
    series: Number(await chart.getAttribute('data-series')),
    points: Number(await chart.getAttribute('data-points')),
  };
}

describe('Sizes view', () => {
  test('a row per family and a cell per instance type; m5 runs large to 24xlarge, then metal', async () => {
    const { page, context, problems } = await openSizes();
    const rows = await page.locator('[data-testid=sizes-row]').count();
    assert.equal(rows, DATA.families, `family rows: ${rows}`);
    assert.equal(await page.locator('[data-testid=size-cell]').count(), DATA.types, 'one cell per instance type');
    const m5 = await page
      .locator('[data-testid=sizes-row][data-family=m5] [data-testid=size-cell]')
      .evaluateAll((cells) => cells.map((c) => c.dataset.type));
    assert.deepEqual(m5, ['m5.large', 'm5.xlarge', 'm5.2xlarge', 'm5.4xlarge', 'm5.8xlarge', 'm5.12xlarge', 'm5.16xlarge', 'm5.24xlarge', 'm5.metal']);
    assert.equal(await page.locator(cell('m5.nano')).count(), 0);
    // Columns run along the ladder: nano first, the biggest xlarge last.
    const headings = await page.locator(`${MATRIX} thead th`).allInnerTexts();
    assert.equal(headings[1].trim(), 'nano');
    assert.ok(headings.indexOf('large') < headings.indexOf('xlarge'), headings.join(' '));
    assert.ok(headings.indexOf('2xlarge') < headings.indexOf('24xlarge'), headings.join(' '));
    // Category group headings separate the rows.
    assert.match(await page.locator('.sizes-group-heading').first().innerText(), /General purpose · \d+ families/);
    assert.match(await page.locator(cell('m5.large')).getAttribute('class'), /sizes-cell/);
    assert.match(await page.locator(`${cell('m5.large')} button`).getAttribute('title'), /m5\.large[\s\S]*2 vCPU · 8 GiB/);

    assert.equal((await page.locator(cell('m5.large')).innerText()).trim(), '2');
    await page.click('[data-testid=sizes-metric-memory]');
    await page.waitForFunction((sel) => /GiB/.test(document.querySelector(sel).innerText), cell('m5.large'));
    assert.equal((await page.locator(cell('m5.large')).innerText()).trim(), '8 GiB');
    assert.equal(await page.getAttribute('[data-testid=sizes-metric-memory]', 'aria-pressed'), 'true');
    // Bigger values are shaded darker: the shade parameter grows along m5's row.
    const shades = await page
      .locator('[data-testid=sizes-row][data-family=m5] [data-testid=size-cell]')
      .evaluateAll((cells) => cells.map((c) => Number(getComputedStyle(c).getPropertyValue('--t'))));
    assert.ok(shades.every((t, i) => i === 0 || t >= shades[i - 1]), `shades rise: ${shades}`);
    assert.ok(shades[shades.length - 1] > shades[0] + 0.2, `shades span the row: ${shades}`);
    await page.click('[data-testid=sizes-metric-price]');
    await page.waitForFunction((sel) => /\$/.test(document.querySelector(sel).innerText), cell('m5.large'));
    assert.equal((await page.locator(cell('m5.large')).innerText()).trim(), '$0.096', 'us-east-1 Linux hourly price');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the shared filter removes rows: compute hidden in Families is hidden here too', async () => {
    const { page, context } = await open();
    await clickAndRepaint(page, '[data-testid=filter-category-compute]');
    await clickAndRepaint(page, '[data-testid=tab-sizes]');
    const compute = await page.locator('[data-testid=sizes-row][data-family=c5]').count();
    assert.equal(compute, 0, 'c5 is a compute family');
    assert.equal(await page.locator('.sizes-group.cat-compute').count(), 0);
    assert.ok((await page.locator('[data-testid=sizes-row][data-family=m5]').count()) === 1);
    const rows = await page.locator('[data-testid=sizes-row]').count();
    assert.equal(rows, DATA.families - DATA.computeFamilies, `rows without compute: ${rows}`);
    assert.match(await page.locator('[data-testid=sizes-summary]').innerText(), /filtered/);
    // The same filters open here too: ticking compute again brings its rows back.
    await page.click('.sizes-filters summary');
    await page.click('[data-testid=filter-category-compute]');
    await page.waitForSelector('[data-testid=sizes-row][data-family=c5]');
    assert.ok((await page.locator('[data-testid=sizes-row]').count()) > rows);
    await context.close();
  });

  test('the ladder chart draws default families, grows from the picker and shows tooltips', async () => {
    const { page, context, problems } = await openSizes();
    const start = await chartCounts(page);
    assert.ok(start.series >= 2 && start.points > 0, `ladder chart: ${JSON.stringify(start)}`);
    const chips = await page.locator('[data-testid=ladder-chip]').evaluateAll((c) => c.map((e) => e.dataset.family));
    assert.equal(chips.length, start.series);
    assert.ok(chips.includes('t3'), `t3, a family that breaks the doubling, is a default: ${chips}`);

    await page.selectOption('[data-testid=ladder-add]', 'c4');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=ladder-chart]').dataset.series) === n,
      start.series + 1);
    const added = await chartCounts(page);
    assert.equal(added.series, start.series + 1);
    assert.equal(added.points, start.points + 5, 'c4 has five sizes');
    await waitForPaints(page, 3);
    // The family's row heading shows it is on the chart; clicking it takes it off again.
    assert.equal(await page.getAttribute('[data-testid=sizes-row][data-family=c4] .sizes-family button', 'aria-pressed'), 'true');

    await page.locator(CHART).scrollIntoViewIfNeeded();
    const frame = await page.locator(`${CHART} canvas.chart-canvas`).boundingBox();
    let text = '';
    for (let y = frame.y + 20; y < frame.y + frame.height - 30 && !text; y += 7) {
      for (let x = frame.x + 60; x < frame.x + frame.width - 10 && !text; x += 7) {
        await page.mouse.move(x, y);
        if (await page.locator(`${CHART} [data-testid=tooltip]`).count()) text = await page.locator(`${CHART} [data-testid=tooltip]`).innerText();
      }
    }
    assert.match(text, /^(m5|c7g|r6i|t3|c4)\.[a-z0-9]+\n/, `tooltip names a type: ${text}`);
    assert.match(text, /family, \d+ sizes? drawn/);

    await clickAndRepaint(page, '[data-testid=sizes-row][data-family=c4] .sizes-family button');
    assert.deepEqual(await chartCounts(page), start);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('clicking a cell pins it, and the cell shows it is pinned', async () => {
    const { page, context } = await openSizes();
    await page.click(`${cell('r6i.4xlarge')} button`);
    await page.waitForSelector('[data-testid=pinned]');
    assert.match(await page.locator('[data-testid=pinned]').innerText(), /r6i\.4xlarge/);
    assert.match(await page.locator(cell('r6i.4xlarge')).getAttribute('class'), /sizes-pinned/);
    assert.equal(await page.getAttribute(`${cell('r6i.4xlarge')} button`, 'aria-pressed'), 'true');
    await page.click(`${cell('r6i.4xlarge')} button`);
    await page.waitForSelector('[data-testid=pinned]', { state: 'detached' });
    await context.close();
  });

  test('screenshots at desktop and phone width, light and dark; the page never scrolls sideways', async () => {
    for (const look of LOOKS) {
      const { page, context, problems } = await openSizes(look);
      await page.click(`${cell('m5.2xlarge')} button`);
      await page.waitForSelector('[data-testid=pinned]');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${look.name}: no sideways scrolling (${overflow}px)`);
      if (look.width < 500) {
        // The matrix scrolls inside its own box, and the family names stay in view.
        const scroll = page.locator('.sizes-scroll');
        assert.ok(await scroll.evaluate((s) => s.scrollWidth > s.clientWidth), 'the matrix scrolls sideways in its box');
        await scroll.evaluate((s) => { s.scrollLeft = 300; });
        const name = await page.locator('[data-testid=sizes-row][data-family=m5] .sizes-family').boundingBox();
        const box = await scroll.boundingBox();
        assert.ok(Math.abs(name.x - box.x) <= 2, `m5's name stays at the left edge: ${name.x} vs ${box.x}`);
        await scroll.evaluate((s) => { s.scrollLeft = 0; });
      }
      await page.mouse.move(0, 0);
      await shoot(page, `sizes-${look.name}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
