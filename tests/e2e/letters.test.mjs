// End-to-end: the Letter prices view of the release build ("what a letter costs"), clicked
// like a person would: the AMD claim, Graviton, another region, four looks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOKS, SHOTS, open, paints, shoot, useSite, waitForPaints } from './harness.mjs';

const CHART = '[data-testid=letters-chart]';
const TABLE = '[data-testid=letters-table]';
const row = (base, variant) => `${TABLE} [data-testid=letters-row][data-pair="${base}>${variant}"]`;
// Served under a strict Content-Security-Policy, so a style attribute would be refused (and
// reported as a console error, which every test asserts there are none of).
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
useSite({ headers: { 'content-security-policy': STRICT } });

/** Opens the app and switches to the Letter prices tab, waiting for its chart to paint. */
async function openLetters(look = {}) {
  const opened = await open(look);
  const before = await paints(opened.page);
  await opened.page.click('[data-testid=tab-letters]');
  await waitForPaints(opened.page, before + 1);
  await opened.page.waitForSelector(`${TABLE} [data-testid=letters-row]`);
  return opened;
}

async function chart(page) {
  const figure = page.locator(CHART);
  return {
    letter: await figure.getAttribute('data-letter'),
    series: Number(await figure.getAttribute('data-series')),
    points: Number(await figure.getAttribute('data-points')),
  };
}

/** The ratio a letter's chip shows, as a number (`0.90×` -> 0.9). */
async function chipRatio(page, letter) {
  const text = await page.locator(`[data-testid=letter-${letter}] [data-testid=letter-ratio]`).innerText();
  assert.match(text, /^\d+\.\d\d×$/, `chip ${letter}: ${text}`);
  return Number.parseFloat(text);
}

async function median(page, base, variant) {
  return Number(await page.locator(row(base, variant)).getAttribute('data-median'));
}

/** Moves the pointer over the chart's first rows until a tooltip shows; returns its text. */
async function hoverADot(page) {
  const box = await page.locator(`${CHART} canvas.chart-canvas`).boundingBox();
  const tip = page.locator(`${CHART} [data-testid=tooltip]`);
  for (let y = box.y + 24; y < box.y + 110; y += 8) {
    for (let x = box.x + box.width * 0.15; x < box.x + box.width * 0.85; x += 8) {
      await page.mouse.move(x, y);
      if (await tip.count()) return tip.innerText();
    }
  }
  return '';
}

describe('Letter prices view', () => {
  test('the AMD claim: about 0.90× in us-east-1, a chart of its pairs and m5 → m5a in the table', async () => {
    const { page, context, problems, foreign } = await openLetters();
    assert.equal(await page.getAttribute('[data-testid=tab-letters]', 'aria-selected'), 'true');
    const amd = await chipRatio(page, 'a');
    assert.ok(amd >= 0.85 && amd <= 0.95, `a: ${amd}×`);
    console.log(`a median in us-east-1 (Linux): ${amd}×`);
    assert.equal(await page.getAttribute('[data-testid=letter-a]', 'aria-pressed'), 'true');
    assert.match(
      await page.locator('[data-testid=letters-sentence]').innerText(),
      /^a \(AMD\): 0\.\d\d× — \d+% less than the Intel family, over \d+ pairs in US East \(N\. Virginia\)$/,
    );
    for (const letter of ['g', 'd', 'n']) assert.equal(await page.locator(`[data-testid=letter-${letter}]`).count(), 1, letter);
    assert.ok((await chipRatio(page, 'd')) > 1, 'local NVMe costs extra');

    const drawn = await chart(page);
    assert.equal(drawn.letter, 'a');
    assert.ok(drawn.series >= 5, `pairs drawn: ${drawn.series}`);
    assert.ok(drawn.points > drawn.series * 2, `sizes drawn: ${drawn.points}`);
    const canvas = await page.locator(`${CHART} canvas.chart-canvas`).evaluate((c) => ({ w: c.width, css: c.clientWidth, h: c.clientHeight }));
    assert.equal(canvas.w, canvas.css * 2, 'the backing store follows the device pixel ratio');
    assert.ok(canvas.h >= drawn.series * 25, `the chart grows with its pairs: ${canvas.h}px for ${drawn.series}`);
    const rowsVar = await page.locator(CHART).evaluate((f) => getComputedStyle(f).getPropertyValue('--letters-rows').trim());
    assert.equal(rowsVar, String(drawn.series), 'the height is set through the CSS object model');

    const m5 = await median(page, 'm5', 'm5a');
    assert.ok(m5 > 0.85 && m5 < 0.95, `m5 → m5a: ${m5}`);
    const cells = await page.locator(`${row('m5', 'm5a')} td`).allInnerTexts();
    assert.deepEqual(cells.slice(0, 3), ['m5', 'm5a', 'added letter']);
    assert.match(cells.join(' '), /0\.90×\s*10% less/);
    assert.match(await page.locator(`${row('m6i', 'm6a')} td`).nth(2).innerText(), /vendor swap/);
    const rows = await page.locator(`${TABLE} [data-testid=letters-row]`).count();
    assert.ok(rows >= drawn.series, `a row per pair: ${rows}`);

    const tooltip = await hoverADot(page);
    assert.match(tooltip, /\S+ → \S+ · \w+/, `tooltip: ${tooltip}`);
    assert.match(tooltip, /\$[\d.]+ per hour[\s\S]*\$[\d.]+ per hour[\s\S]*Ratio\s*\d\.\d\d× \(/, tooltip);
    const placed = await page.locator(`${CHART} [data-testid=tooltip]`).evaluate((t) => t.style.left || t.style.right);
    assert.ok(placed, 'the tooltip is placed beside its dot');
    await page.screenshot({ path: `${SHOTS}letters-desktop-hover.png` });
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test('choosing g shows Graviton against Intel, cheaper; the table sorts and lists every letter', async () => {
    const { page, context, problems } = await openLetters();
    const before = await paints(page);
    await page.click('[data-testid=letter-g]');
    await waitForPaints(page, before + 1);
    await page.waitForSelector(`${CHART}[data-letter=g]`);
    assert.equal(await page.getAttribute('[data-testid=letter-g]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-testid=letter-a]', 'aria-pressed'), 'false');
    assert.match(page.url(), /view=letters&.*letter=g|letter=g/, 'the chosen letter is in the address');
    assert.ok((await chipRatio(page, 'g')) < 1);
    assert.match(await page.locator('[data-testid=letters-sentence]').innerText(), /^g \(Graviton\): 0\.\d\d× — \d+% less than the Intel family/);
    const drawn = await chart(page);
    assert.ok(drawn.series >= 5, `Graviton pairs: ${drawn.series}`);
    const m6g = await median(page, 'm6i', 'm6g');
    assert.ok(m6g > 0 && m6g < 1, `m6i → m6g: ${m6g}`);
    assert.equal(await page.locator(row('m5', 'm5a')).count(), 0, 'only the chosen letter’s pairs');

    // Cheapest first; a click on Median turns the order round.
    const medians = async () =>
      page.locator(`${TABLE} [data-testid=letters-row]`).evaluateAll((rows) => rows.map((r) => r.dataset.median).filter(Boolean).map(Number));
    const up = await medians();
    assert.ok(up.every((m, i) => i === 0 || m >= up[i - 1]), `ascending: ${up}`);
    await page.click('[data-testid=letters-sort-median]');
    await page.waitForSelector(`${TABLE} th[aria-sort=descending]`);
    const down = await medians();
    assert.deepEqual(down, [...up].reverse());

    await page.check('[data-testid=letters-every]');
    await page.waitForSelector(row('m5', 'm5a'));
    const every = await page.locator(`${TABLE} [data-testid=letters-row]`).count();
    assert.ok(every >= 60, `every pair: ${every}`);
    assert.match(await page.locator(row('p5', 'p5e')).innerText(), /no prices here/);
    const last = await page.locator(`${TABLE} [data-testid=letters-row]`).last().getAttribute('data-median');
    assert.equal(last, '', 'pairs without prices come last');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('another region repaints the summary, the chart and the table', async () => {
    const { page, context, problems } = await openLetters();
    const east = { amd: await chipRatio(page, 'a'), c5a: await median(page, 'c5', 'c5a'), chart: await chart(page) };
    const before = await paints(page);
    await page.selectOption('[data-testid=region-select]', 'eu-west-1');
    await waitForPaints(page, before + 1);
    await page.waitForFunction(() => /Europe \(Ireland\)/.test(document.querySelector('[data-testid=letters-sentence]')?.textContent ?? ''));
    assert.match(await page.locator('[data-testid=letters-region]').innerText(), /^Europe \(Ireland\), Linux$/);
    const amd = await chipRatio(page, 'a');
    assert.ok(amd >= 0.85 && amd <= 0.95, `a in eu-west-1: ${amd}×`);
    console.log(`a median in eu-west-1 (Linux): ${amd}× (us-east-1: ${east.amd}×)`);
    assert.ok(await page.locator(row('m5', 'm5a')).count(), 'm5 → m5a is still listed');
    const c5a = await median(page, 'c5', 'c5a');
    assert.notEqual(c5a, east.c5a, `c5 → c5a follows the region: ${east.c5a} -> ${c5a}`);
    const drawn = await chart(page);
    assert.ok(drawn.series >= 5);
    assert.notEqual(drawn.points, east.chart.points, 'other sizes are priced in Ireland');
    assert.match(page.url(), /region=eu-west-1/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('screenshots at desktop and phone width, light and dark; no sideways scrolling', async () => {
    for (const look of LOOKS) {
      const { page, context, problems } = await openLetters(look);
      // The chart's height follows its pairs: let the repaint after the resize land.
      await page.waitForTimeout(300);
      await shoot(page, `letters-${look.name}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${look.name}: no sideways scrolling (${overflow}px)`);
      const view = await page.locator('.view.letters').evaluate((v) => v.getBoundingClientRect().right - window.innerWidth);
      assert.ok(view <= 0, `${look.name}: the view fits the window (${view}px over)`);
      if (look.width < 500) {
        const scroll = await page.locator('.letters-table-scroll').evaluate((s) => ({ inner: s.scrollWidth, outer: s.clientWidth }));
        assert.ok(scroll.inner > scroll.outer, `the table scrolls sideways inside its own box: ${JSON.stringify(scroll)}`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
