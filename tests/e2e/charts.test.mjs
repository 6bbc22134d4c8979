// End-to-end: what every chart offers beyond hover, on the release build: a typed range
// and a dragged box zoom (in the address, undone by back), Reset view, pictures saved as SVG
// and PNG, a tap that shows the tooltip with pin buttons, the keyboard moving between points,
// and the table that stands in for a chart.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { SHOTS, open, paints, shoot, useSite, waitForPage, waitForPaints } from './harness.mjs';

const CHART = '[data-testid=families-chart]';
const CANVAS = `${CHART} canvas.chart-canvas`;
const site = useSite();

async function points(page) {
  return Number(await page.locator(CHART).getAttribute('data-points'));
}

/** Runs `act` and waits for the chart to repaint. */
async function repaint(page, act) {
  const before = await paints(page);
  await act();
  await waitForPaints(page, before + 1);
}

/** Saves the chart through the button `testid` and returns the downloaded file's bytes. */
async function save(page, testid) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** The text of every `<text>` element of an SVG. */
function svgTexts(svg) {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].trim());
}

/** The focused point's position in the page, read from the focus ring. */
async function focusedPoint(page) {
  const ring = await page.locator('.chart-focus-ring').boundingBox();
  return { x: ring.x + ring.width / 2, y: ring.y + ring.height / 2 };
}

describe('Chart range, zoom and reset', () => {
  test('a typed range holds the axis, its ticks read it, the address carries it, back undoes it', async () => {
    const { page, context, problems } = await open({ path: '?xscale=linear' });
    const all = await points(page);
    await repaint(page, async () => {
      await page.fill('[data-testid=axis-x-max]', '800');
      await page.press('[data-testid=axis-x-max]', 'Enter');
    });
    assert.match(page.url(), /xmax=800/);
    assert.equal(await page.locator(CHART).getAttribute('data-zoomed'), 'true');
    const zoomed = await points(page);
    assert.ok(zoomed < all, `the u types leave the chart: ${all} -> ${zoomed}`);
    assert.match(await page.locator('[data-testid=families-hint]').innerText(), /outside the range/);

    const { name, bytes } = await save(page, 'save-svg');
    assert.equal(name, 'instance-atlas-families.svg');
    const texts = svgTexts(bytes.toString('utf8'));
    for (const tick of ['0', '200', '400', '600', '800']) assert.ok(texts.includes(tick), `tick ${tick} in ${texts.join('|')}`);
    assert.ok(!texts.some((t) => /TiB/.test(t)), 'one unit on the axis: GiB');
    assert.ok(texts.includes('Memory (GiB)'), 'the axis title names the unit');
    assert.ok(texts.some((t) => t.startsWith('Instance Atlas: vCPU against Memory')), 'a title');
    assert.ok(texts.includes('Compute optimised'), 'a legend');
    assert.ok(texts.some((t) => /as of \d{4}-\d\d-\d\d/.test(t)), "the data's date");

    await repaint(page, () => page.goBack());
    assert.equal(await points(page), all, 'back undoes the zoom');
    assert.equal(await page.inputValue('[data-testid=axis-x-max]'), '');
    await repaint(page, () => page.goForward());
    assert.equal(await points(page), zoomed, 'forward zooms again');
    assert.equal(await page.inputValue('[data-testid=axis-x-max]'), '800');
    await shoot(page, 'charts-zoom-typed-desktop-light');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a dragged box zooms, a double-click zooms out, Reset view returns every default', async () => {
    const { page, context, problems } = await open({ path: '?xscale=linear&yscale=linear' });
    const all = await points(page);
    const box = await page.locator(CANVAS).boundingBox();
    await repaint(page, async () => {
      await page.mouse.move(box.x + box.width * 0.12, box.y + box.height * 0.55);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.75, { steps: 5 });
      assert.equal(await page.locator('[data-testid=zoom-box]').count(), 1, 'the box shows while dragging');
      await page.mouse.up();
    });
    const url = new URL(page.url());
    for (const key of ['xmin', 'xmax', 'ymin', 'ymax']) assert.ok(url.searchParams.has(key), `${key} in ${url.search}`);
    assert.ok(Number(url.searchParams.get('xmax')) < 10000, `a round GiB end: ${url.searchParams.get('xmax')}`);
    assert.ok((await points(page)) < all);
    assert.equal(await page.inputValue('[data-testid=axis-x-max]'), url.searchParams.get('xmax'));
    await repaint(page, () => page.dblclick(CANVAS, { position: { x: 5, y: 5 } }));
    assert.equal(await points(page), all, 'double-click: the whole range again');
    assert.doesNotMatch(page.url(), /xmax/);

    await repaint(page, () => page.selectOption('[data-testid=colour-by]', 'vendor'));
    await repaint(page, () => page.click('[data-testid=filter-category-compute]'));
    await repaint(page, () => page.click('[data-testid=reset-view]'));
    assert.equal(new URL(page.url()).search, '', 'every setting of the view back to its default');
    assert.equal(await page.isChecked('[data-testid=axis-x-log]'), true);
    assert.equal(await page.inputValue('[data-testid=colour-by]'), 'category');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('Chart pictures', () => {
  test('Save PNG draws the SVG at twice its size', async () => {
    const { page, context, problems } = await open({ colorScheme: 'dark' });
    const { name, bytes } = await save(page, 'save-png');
    assert.equal(name, 'instance-atlas-families.png');
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    // The IHDR chunk holds width and height, big-endian, at bytes 16 and 20.
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [2400, 1520]);
    assert.match(await page.locator('[data-testid=save-status]').innerText(), /Saved instance-atlas-families\.png/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('Chart keyboard and screen readers', () => {
  test('arrow keys move through sizes and families, the tooltip follows, Enter pins', async () => {
    const { page, context, problems } = await open();
    const canvas = page.locator(CANVAS);
    assert.equal(await canvas.getAttribute('tabindex'), '0');
    assert.match(await canvas.getAttribute('aria-label'), /Families chart: \d+ family lines/);
    const summaryId = await canvas.getAttribute('aria-describedby');
    assert.match(await page.locator(`#${summaryId}`).innerText(), /family lines through \d+ instance types/);
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const live = page.locator(`${CHART} [data-testid=chart-focus]`);
    const first = await live.innerText();
    assert.match(first, /^\S+\.\S+ \(\S+\): vCPU \d+/, `announced: ${first}`);
    const firstName = first.split(' ')[0];
    assert.equal(await page.locator('[data-testid=tooltip] strong').innerText(), firstName, 'the tooltip follows focus');
    await page.keyboard.press('ArrowRight');
    const second = await live.innerText();
    assert.notEqual(second, first);
    assert.equal(second.split(' ')[1], first.split(' ')[1], 'right stays in the family');
    await page.keyboard.press('ArrowDown');
    const third = await live.innerText();
    assert.notEqual(third.split(' ')[1], first.split(' ')[1], 'down moves to another family');
    const pinned = third.split(' ')[0];
    await page.keyboard.press('Enter');
    await page.waitForFunction((name) => new URL(location.href).searchParams.get('pin') === name, pinned);
    // The viewport only: a full-page shot resizes the page, which repaints the chart.
    await page.screenshot({ path: `${SHOTS}charts-keyboard-desktop-light.png` });
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[data-testid=tooltip]').count(), 0, 'Escape closes the tooltip');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a bar chart, left and right step through segments, up and down between bars', async () => {
    const { page, context, problems } = await open({ path: '?view=capabilities' });
    const chart = '[data-testid=vendor-chart]';
    await page.locator(`${chart} canvas.chart-canvas`).focus();
    const live = page.locator(`${chart} [data-testid=chart-focus]`);
    await page.keyboard.press('ArrowRight');
    const first = await live.innerText();
    assert.match(first, /^[^:]+ · [^:]+: \d+ types?$/, `a segment: ${first}`);
    await page.keyboard.press('ArrowRight');
    const second = await live.innerText();
    assert.notEqual(second, first, 'right moves to the next segment');
    assert.equal(second.split(' · ')[0], first.split(' · ')[0], 'on the same bar');
    await page.keyboard.press('ArrowDown');
    const third = await live.innerText();
    assert.notEqual(third.split(' · ')[0], first.split(' · ')[0], 'down moves to the next bar');
    const { name, bytes } = await save(page, 'save-svg');
    assert.equal(name, 'instance-atlas-vendor-chart.svg');
    assert.ok(svgTexts(bytes.toString('utf8')).includes('AMD'), 'the vendor legend is in the picture');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Show as table lists every plotted type', async () => {
    const { page, context } = await open({ path: '?cat=storage' });
    const drawn = await points(page);
    await page.click(`${CHART} ~ * [data-testid=show-as-table], [data-testid=show-as-table]`);
    const rows = page.locator('[data-testid=chart-table] tbody tr');
    assert.equal(await rows.count(), drawn);
    assert.deepEqual(await page.locator('[data-testid=chart-table] thead th').allInnerTexts(), ['Family', 'Instance type', 'Memory (GiB)', 'vCPU']);
    assert.equal(await page.getAttribute('[data-testid=show-as-table]', 'aria-expanded'), 'true');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('tables') === 'families');
    await context.close();
  });
});

describe('Chart touch', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`a tap shows the tooltip without pinning; its buttons pin (${colorScheme})`, async () => {
      const context = await site.browser.newContext({
        viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, colorScheme,
      });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(site.server.url);
      await waitForPage(page);
      // Find a dot with the keyboard, then put a finger on it.
      await page.locator(CANVAS).focus();
      await page.keyboard.press('ArrowRight');
      const dot = await focusedPoint(page);
      const name = await page.locator('[data-testid=tooltip] strong').innerText();
      await page.keyboard.press('Escape');
      await page.locator(CANVAS).blur();
      await page.touchscreen.tap(dot.x, dot.y);
      const tooltip = page.locator('[data-testid=tooltip]');
      await tooltip.waitFor();
      await page.waitForTimeout(300); // a pin would land with the click that follows a tap
      assert.equal(new URL(page.url()).searchParams.get('pin'), null, 'a tap does not pin');
      const buttons = tooltip.locator('[data-testid=tooltip-pin]');
      assert.ok((await buttons.count()) >= 1);
      const names = await buttons.evaluateAll((all) => all.map((b) => b.dataset.name));
      assert.ok(names.includes(name), `${name} in ${names}`);
      await shoot(page, `charts-touch-phone-${colorScheme}`);
      const last = names[names.length - 1];
      await tooltip.locator(`[data-name="${last}"]`).tap();
      await page.waitForFunction((n) => new URL(location.href).searchParams.get('pin') === n, last);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
