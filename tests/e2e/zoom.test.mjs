// End-to-end: the Sizes ladder and the Letter prices chart zoom like the Families chart (a
// dragged box with the mouse, or with a finger after the "Zoom" button, typed ends, Reset
// zoom, a double-click), all in the address; and each view's "Show as table" is in the
// address too, so a shared link opens with the table shown.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, paints, shoot, useSite, waitForPage, waitForPaints } from './harness.mjs';

const site = useSite();
const LADDER = '[data-testid=ladder-chart]';
const LETTERS = '[data-testid=letters-chart]';
const FAMILIES = '[data-testid=families-chart]';

/** Runs `act` and waits for a chart to repaint. */
async function repaint(page, act) {
  const before = await paints(page);
  await act();
  await waitForPaints(page, before + 1);
}

/** The address's query as an object. */
function query(page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/** Drags the mouse over `canvas` from one fraction of its box to another. */
async function mouseDrag(page, canvas, from, to) {
  const box = await page.locator(canvas).boundingBox();
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 6 });
  assert.equal(await page.locator('[data-testid=zoom-box]').count(), 1, 'the box shows while dragging');
  await page.mouse.up();
}

/** Drags one finger over `canvas` (touch events through the DevTools protocol). */
async function fingerDrag(page, canvas, from, to) {
  const box = await page.locator(canvas).boundingBox();
  const at = ([fx, fy]) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, point) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [{ ...point, id: 1 }] : [] });
  const start = at(from);
  const end = at(to);
  await touch('touchStart', start);
  for (let i = 1; i <= 6; i += 1) {
    await touch('touchMove', {
      x: start.x + ((end.x - start.x) * i) / 6,
      y: start.y + ((end.y - start.y) * i) / 6,
    });
  }
  await touch('touchEnd');
  await cdp.detach();
}

/** Waits until the page has stopped scrolling (a fling runs on after the finger lifts). */
async function settle(page) {
  let last = await page.evaluate(() => window.scrollY);
  for (let i = 0; i < 40; i += 1) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => window.scrollY);
    if (now === last) return;
    last = now;
  }
}

/** Scrolls `selector` to the middle of the screen and waits for the page to stand still. */
async function centre(page, selector) {
  await page.locator(selector).evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await settle(page);
}

/** A phone with a touch screen. */
async function phone(colorScheme, path) {
  const context = await site.browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, colorScheme,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(site.server.url + path);
  await waitForPage(page);
  return { page, context, problems };
}

describe('Sizes ladder range and zoom', () => {
  test('a dragged box holds sizes and vCPU, the boxes name sizes, Reset zoom and a double-click undo it', async () => {
    const { page, context, problems } = await open({ path: '?view=sizes' });
    const canvas = `${LADDER} canvas.chart-canvas`;
    await page.locator(canvas).scrollIntoViewIfNeeded();
    assert.equal(await page.locator(LADDER).getAttribute('data-zoomed'), 'false');
    // The vCPU panel is the left half at 1280 px: a box over its lower left.
    await repaint(page, () => mouseDrag(page, canvas, [0.08, 0.35], [0.3, 0.85]));
    const q = query(page);
    for (const key of ['lsize-min', 'lsize-max', 'lvcpu-min', 'lvcpu-max']) assert.ok(key in q, `${key} in ${page.url()}`);
    assert.ok(!('lmem-min' in q), 'the memory panel keeps its range');
    assert.match(q['lsize-max'], /^(nano|micro|small|medium|large|\d*xlarge)$/, 'a size name in the address');
    assert.equal(await page.locator(LADDER).getAttribute('data-zoomed'), 'true');
    assert.equal(await page.inputValue('[data-testid=axis-lsize-max]'), q['lsize-max']);
    await shoot(page, 'zoom-sizes-desktop-light');

    await repaint(page, () => page.click('[data-testid=reset-zoom]'));
    assert.ok(!('lsize-min' in query(page)), `Reset zoom: ${page.url()}`);
    assert.equal(await page.inputValue('[data-testid=axis-lsize-max]'), '');

    // Typed ends: a size name, and a number of vCPU.
    await repaint(page, async () => {
      await page.fill('[data-testid=axis-lsize-max]', '8xlarge');
      await page.press('[data-testid=axis-lsize-max]', 'Enter');
    });
    assert.equal(query(page)['lsize-max'], '8xlarge');
    await page.fill('[data-testid=axis-lsize-min]', '3xlarge');
    await page.press('[data-testid=axis-lsize-min]', 'Enter');
    assert.match(await page.locator('[data-testid=range-error]').innerText(), /not a size/);
    await repaint(page, () => page.dblclick(canvas, { position: { x: 5, y: 5 } }));
    assert.ok(!('lsize-max' in query(page)), 'a double-click: the whole range again');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the zoomed ladder at 1280 px in the dark', async () => {
    const { page, context, problems } = await open({ colorScheme: 'dark', path: '?view=sizes&lsize-min=large&lsize-max=8xlarge&lvcpu-max=32&lmem-max=128' });
    assert.equal(await page.locator(LADDER).getAttribute('data-zoomed'), 'true');
    assert.equal(await page.inputValue('[data-testid=axis-lvcpu-max]'), '32');
    await shoot(page, 'zoom-sizes-desktop-dark');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('Letter prices range and zoom', () => {
  test('a dragged box holds the ratio, typed ends too, Reset view drops it', async () => {
    const { page, context, problems } = await open({ path: '?view=letters' });
    const canvas = `${LETTERS} canvas.chart-canvas`;
    await page.locator(canvas).scrollIntoViewIfNeeded();
    const all = await page.locator(LETTERS).getAttribute('data-points');
    await repaint(page, () => mouseDrag(page, canvas, [0.3, 0.1], [0.55, 0.9]));
    const q = query(page);
    assert.ok('ratio-min' in q && 'ratio-max' in q, page.url());
    assert.ok(Number(q['ratio-min']) < Number(q['ratio-max']));
    assert.equal(await page.locator(LETTERS).getAttribute('data-zoomed'), 'true');
    assert.equal(await page.inputValue('[data-testid=axis-ratio-min]'), q['ratio-min']);
    assert.equal(await page.locator(LETTERS).getAttribute('data-points'), all, 'the pairs stay; dots outside are not drawn');
    await shoot(page, 'zoom-letters-desktop-light');

    await repaint(page, async () => {
      await page.fill('[data-testid=axis-ratio-max]', '1');
      await page.press('[data-testid=axis-ratio-max]', 'Enter');
    });
    assert.equal(query(page)['ratio-max'], '1');
    await repaint(page, () => page.click('[data-testid=reset-view]'));
    assert.equal(new URL(page.url()).search, '?view=letters', 'every setting of the view back to its default');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the zoomed Letter prices chart at 1280 px in the dark', async () => {
    const { page, context, problems } = await open({ colorScheme: 'dark', path: '?view=letters&ratio-min=0.8&ratio-max=1.05' });
    assert.equal(await page.locator(LETTERS).getAttribute('data-zoomed'), 'true');
    await shoot(page, 'zoom-letters-desktop-dark');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('Touch zoom', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`on a phone the Zoom button turns the next finger drag into a box (${colorScheme})`, async () => {
      const { page, context, problems } = await phone(colorScheme, '?view=sizes');
      const canvas = `${LADDER} canvas.chart-canvas`;
      await page.locator(canvas).scrollIntoViewIfNeeded();
      // Without the button a drag is the page's: it scrolls, nothing zooms.
      const scrolled = await page.evaluate(() => window.scrollY);
      await fingerDrag(page, canvas, [0.5, 0.1], [0.5, 0.4]);
      await settle(page);
      assert.notEqual(await page.evaluate(() => window.scrollY), scrolled, 'a plain drag scrolls the page');
      assert.ok(!('lsize-min' in query(page)), `a plain drag does not zoom: ${page.url()}`);
      await page.locator(canvas).scrollIntoViewIfNeeded();
      await settle(page);

      const toggle = page.locator(`${LADDER} [data-testid=zoom-mode]`);
      await toggle.tap();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await centre(page, canvas);
      // Stacked at 390 px: the vCPU panel is the top half.
      await repaint(page, () => fingerDrag(page, canvas, [0.2, 0.08], [0.75, 0.45]));
      const q = query(page);
      assert.ok('lsize-min' in q && 'lvcpu-max' in q, `a finger box zooms: ${page.url()}`);
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'one box per press');
      await shoot(page, `zoom-sizes-phone-${colorScheme}`);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`on a phone the Families chart zooms with a finger: fewer dots, words and table for them, Reset zoom (${colorScheme})`, async () => {
      const { page, context, problems } = await phone(colorScheme, '');
      const canvas = `${FAMILIES} canvas.chart-canvas`;
      const points = async () => Number(await page.locator(FAMILIES).getAttribute('data-points'));
      const reset = page.locator('[data-testid=reset-zoom]');
      const all = await points();
      assert.equal(await page.locator(FAMILIES).getAttribute('data-zoomed'), 'false');
      assert.ok(await reset.isDisabled(), 'nothing to reset yet');
      await page.locator(canvas).scrollIntoViewIfNeeded();
      await settle(page);
      await page.locator(`${FAMILIES} [data-testid=zoom-mode]`).tap();
      await centre(page, canvas);
      // The lower left of the chart: the small sizes.
      await repaint(page, () => fingerDrag(page, canvas, [0.3, 0.45], [0.6, 0.8]));
      const q = query(page);
      assert.ok('xmax' in q && 'ymax' in q, `a finger box zooms both axes: ${page.url()}`);
      assert.equal(await page.locator(FAMILIES).getAttribute('data-zoomed'), 'true');
      const inView = await points();
      assert.ok(inView > 0 && inView < all, `fewer dots in view: ${all} -> ${inView}`);
      const summaryId = await page.locator(canvas).getAttribute('aria-describedby');
      const summary = await page.locator(`#${summaryId}`).innerText();
      assert.match(summary, new RegExp(`^Zoomed to .+: ${inView} of \\d+ instance types\\. .*through ${inView} instance types`), summary);
      const showTable = page.locator('[data-testid=show-as-table]');
      await showTable.scrollIntoViewIfNeeded();
      await settle(page);
      await showTable.click();
      await page.locator('[data-testid=chart-table]').waitFor({ state: 'attached' });
      assert.equal(await page.locator('[data-testid=chart-table] tbody tr').count(), inView, 'the table lists the dots in view');
      await showTable.click();
      await page.locator(canvas).scrollIntoViewIfNeeded();
      await shoot(page, `zoom-families-phone-${colorScheme}`);

      assert.ok(await reset.isEnabled(), 'Reset zoom is offered');
      // A full-page screenshot resizes the page and back; a tap while it settles can miss.
      await reset.scrollIntoViewIfNeeded();
      await settle(page);
      await repaint(page, () => reset.tap());
      assert.equal(await page.locator(FAMILIES).getAttribute('data-zoomed'), 'false');
      assert.equal(await points(), all, 'every dot again');
      assert.ok(!('xmax' in query(page)), `Reset zoom empties the address: ${page.url()}`);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`on a phone the Letter prices chart zooms with a finger too (${colorScheme})`, async () => {
      const { page, context, problems } = await phone(colorScheme, '?view=letters');
      const canvas = `${LETTERS} canvas.chart-canvas`;
      await page.locator(canvas).scrollIntoViewIfNeeded();
      await settle(page);
      await page.locator(`${LETTERS} [data-testid=zoom-mode]`).tap();
      await centre(page, canvas);
      await repaint(page, () => fingerDrag(page, canvas, [0.35, 0.1], [0.7, 0.6]));
      assert.ok('ratio-min' in query(page), page.url());
      await page.locator(canvas).scrollIntoViewIfNeeded();
      await shoot(page, `zoom-letters-phone-${colorScheme}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('Show as table in the address', () => {
  test('a shared link opens with the table shown; hiding it and Reset view drop it', async () => {
    const { page, context, problems } = await open({ path: '?view=sizes&tables=sizes' });
    const button = page.locator('[data-testid=show-as-table]');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.ok((await page.locator('[data-testid=chart-table] tbody tr').count()) > 0);
    await button.click();
    await page.waitForFunction(() => !location.search.includes('tables'));
    assert.equal(await page.locator('[data-testid=chart-table]').count(), 0);

    await page.click('[data-testid=tab-letters]');
    await page.locator(`${LETTERS} [data-testid=show-as-table]`).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('tables') === 'letters');
    assert.equal(await page.locator('[data-testid=chart-table]').count(), 1);
    await page.click('[data-testid=reset-view]');
    await page.waitForFunction(() => !location.search.includes('tables'));
    assert.equal(await page.locator('[data-testid=chart-table]').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
