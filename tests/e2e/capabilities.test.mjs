// End-to-end: the Capabilities view of the release build, clicked like a person would.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOKS, SHOTS, open, paints, shoot, useSite, waitForPaints, DATA } from './harness.mjs';

const MATRIX = '[data-testid=capability-matrix]';
const ROW = `${MATRIX} [data-testid=capability-row]`;
useSite();

/** Opens the app and switches to the Capabilities tab, waiting for both bar charts. */
async function openCapabilities(look = {}) {
  const opened = await open(look);
  const before = await paints(opened.page);
  await opened.page.click('[data-testid=tab-capabilities]');
  await waitForPaints(opened.page, before + 2);
  await opened.page.waitForSelector(ROW);
  return opened;
}

/** The features marked in one family's row. */
async function marks(page, family) {
  return page
    .locator(`${ROW}[data-family="${family}"] [data-feature]`)
    .evaluateAll((nodes) => nodes.map((n) => n.dataset.feature).sort());
}

async function chart(page, testid) {
  const figure = page.locator(`[data-testid=${testid}]`);
  return {
    series: Number(await figure.getAttribute('data-series')),
    points: Number(await figure.getAttribute('data-points')),
    total: Number(await figure.getAttribute('data-total')),
  };
}

describe('Capabilities view', () => {
  test('the matrix marks each family’s letters and specs', async () => {
    const { page, context, problems, foreign } = await openCapabilities();
    assert.equal(await page.getAttribute('[data-testid=tab-capabilities]', 'aria-selected'), 'true');
    const rows = await page.locator(ROW).count();
    assert.equal(rows, DATA.families, `family rows: ${rows}`);
    assert.deepEqual(await marks(page, 'm5ad'), ['amd', 'local-nvme']);
    assert.deepEqual(await marks(page, 'c7gn'), ['arm', 'graviton', 'network']);
    const p3dn = await marks(page, 'p3dn');
    for (const feature of ['gpu', 'local-nvme', 'network']) assert.ok(p3dn.includes(feature), `p3dn has ${feature}`);
    const header = page.locator('[data-testid=capability-column-local-nvme]');
    assert.match(await header.innerText(), /d\s*NVMe/);
    assert.match(await header.getAttribute('title'), /Local NVMe storage/);

    await header.click();
    const nvme = await page.locator(ROW).count();
    assert.ok(nvme > 20 && nvme < rows, `families with local NVMe: ${nvme}`);
    assert.equal(await page.locator(`${ROW}[data-family="m5"]`).count(), 0, 'm5 has no local NVMe');
    assert.equal(await header.getAttribute('aria-pressed'), 'true');
    assert.match(page.url(), /feature=local-nvme/, 'the column filter is in the address');
    await header.click();
    assert.equal(await page.locator(ROW).count(), rows, 'a second click shows every family again');
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test('a chosen capability narrows every view and the hints say so', async () => {
    const { page, context, problems } = await openCapabilities();
    const rows = await page.locator(ROW).count();
    await page.click('[data-testid=capability-column-local-nvme]');
    await page.waitForFunction(
      ([selector, all]) => document.querySelectorAll(selector).length < all,
      [ROW, rows],
    );
    assert.match(await page.locator('.caps-intro').innerText(), /\(filtered\)/, 'Capabilities counts it as a filter');

    await page.click('[data-testid=tab-table]');
    const note = page.locator('[data-testid=shared-filter-note]');
    await note.waitFor();
    assert.match(await note.innerText(), /only families with Local NVMe storage/);
    const count = await page.locator('[data-testid=row-count]').innerText();
    const [, shown, total] = count.match(/^(\d+) of (\d+) instance types$/).map(Number);
    assert.ok(shown > 100 && shown < total, `Table rows: ${count}`);

    await page.click('[data-testid=tab-families]');
    const box = page.locator('[data-testid=filter-feature]');
    await box.waitFor();
    assert.equal(await box.isChecked(), true);
    await box.click();
    await box.waitFor({ state: 'detached' });
    assert.doesNotMatch(page.url(), /feature=/, 'unticking it clears it from the address');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('both bar charts draw; the vendor chart counts every type once and hovers', async () => {
    const { page, context } = await openCapabilities();
    const vendors = await chart(page, 'vendor-chart');
    const features = await chart(page, 'feature-chart');
    assert.equal(vendors.total, DATA.types, 'every instance type in one vendor segment');
    assert.equal(vendors.series, 5, 'one bar per category');
    assert.ok(vendors.points >= 10, `vendor segments: ${vendors.points}`);
    assert.ok(features.series >= 12 && features.total > DATA.types, `feature bars: ${JSON.stringify(features)}`);
    assert.match(await page.locator('[data-testid=legend-vendor-amd]').innerText(), /AMD\s*\d+/);

    const canvas = page.locator('[data-testid=vendor-chart] canvas.chart-canvas');
    const size = await canvas.evaluate((c) => ({ w: c.width, css: c.clientWidth }));
    assert.equal(size.w, size.css * 2, 'the backing store follows the device pixel ratio');
    const box = await canvas.boundingBox();
    let text = '';
    for (let y = box.y + 10; y < box.y + box.height - 30 && !text; y += 8) {
      for (let x = box.x + box.width * 0.3; x < box.x + box.width * 0.9 && !text; x += 12) {
        await page.mouse.move(x, y);
        if (await page.locator('[data-testid=vendor-chart] [data-testid=tooltip]').count()) {
          text = await page.locator('[data-testid=vendor-chart] [data-testid=tooltip]').innerText();
        }
      }
    }
    assert.match(text, /^(General purpose|Compute optimised|Memory optimised|Storage optimised|Accelerated computing) · (Intel|AMD|AWS Graviton|Other): \d+ types?$/, `tooltip: ${text}`);
    const placed = await page.locator('[data-testid=vendor-chart] [data-testid=tooltip]').evaluate((t) => t.style.left || t.style.right);
    assert.ok(placed, 'the tooltip is placed beside its segment');
    await page.screenshot({ path: `${SHOTS}capabilities-desktop-hover.png` });
    await context.close();
  });

  test('the extremes name their holders; a name opens the Decoder and pins toggle', async () => {
    const { page, context } = await openCapabilities();
    const memory = page.locator('[data-testid=extreme-most-memory]');
    assert.equal(await memory.locator('[data-testid=extreme-name]').innerText(), 'u7in-32tb.224xlarge');
    assert.match(await memory.locator('[data-testid=extreme-value]').innerText(), /32768 GiB|32 TiB/);
    assert.match(await page.locator('[data-testid=extreme-most-vcpus]').innerText(), /896 vCPUs\s*and 3 more/);
    for (const slug of ['most-vcpus', 'highest-clock', 'most-gpus', 'most-gpu-memory', 'fastest-network', 'most-local-storage', 'smallest']) {
      assert.equal(await page.locator(`[data-testid=extreme-${slug}]`).count(), 1, `${slug} card`);
    }
    const pin = memory.locator('[data-testid=extreme-pin]');
    await pin.click();
    assert.equal(await pin.getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('[data-testid=pinned]').innerText(), /u7in-32tb\.224xlarge/);
    await pin.click();
    assert.equal(await page.locator('[data-testid=pinned]').count(), 0, 'unpinned again');

    await memory.locator('[data-testid=extreme-name]').click();
    await page.waitForSelector('[data-testid=tab-decoder][aria-selected=true]');
    assert.equal(await page.locator(MATRIX).count(), 0, 'the Capabilities view has gone');
    await context.close();
  });

  test('unticking a category in Families removes its rows and its bar', async () => {
    const { page, context } = await openCapabilities();
    const rows = await page.locator(ROW).count();
    const before = await chart(page, 'vendor-chart');
    await page.click('[data-testid=tab-families]');
    await page.click('[data-testid=filter-category-compute]');
    const painted = await paints(page);
    await page.click('[data-testid=tab-capabilities]');
    await waitForPaints(page, painted + 2);
    const fewer = await page.locator(ROW).count();
    assert.equal(fewer, rows - DATA.computeFamilies, `rows without compute: ${rows} -> ${fewer}`);
    assert.equal(await page.locator(`${ROW}[data-family="c7gn"]`).count(), 0, 'c7gn is a compute family');
    const after = await chart(page, 'vendor-chart');
    assert.equal(after.series, before.series - 1);
    assert.ok(after.total < before.total, `types: ${before.total} -> ${after.total}`);
    assert.match(await page.locator('.caps-intro').innerText(), /filtered/);
    await context.close();
  });

  test('screenshots at desktop and phone width, light and dark', async () => {
    for (const look of LOOKS) {
      const { page, context, problems } = await openCapabilities(look);
      await shoot(page, `capabilities-${look.name}`);
      const view = await page.locator('.view.capabilities').evaluate((v) => v.getBoundingClientRect().right - window.innerWidth);
      assert.ok(view <= 0, `${look.name}: the view fits the window (${view}px over)`);
      if (look.width < 500) {
        const scroll = await page.locator(MATRIX).evaluate((m) => ({ inner: m.scrollWidth, outer: m.clientWidth }));
        assert.ok(scroll.inner > scroll.outer, 'the matrix scrolls sideways inside its own box');
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${look.name}: no sideways scrolling (${overflow}px)`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
