// End-to-end: the page's frame (title, tabs, the chart's box) is in index.html and the
// stylesheet, so it is painted while the WebAssembly is still on its way; the app replaces
// it when it mounts, without moving the tabs or the chart, in the full atlas, in embed mode
// and in the offline file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, SHOTS, useSite, waitForPaints } from './harness.mjs';

const site = useSite();
const SKELETON = '[data-testid=skeleton]';
const TABS = ['Families', 'Sizes', 'Capabilities', 'Table', 'Decoder', 'Compare', 'Letter prices'];

/**
 * Opens `path` with the WebAssembly held back: resolves once the page shows its frame, with
 * the page and `release()`, which lets the WebAssembly through.
 */
async function openHeld({ width = 1280, height = 860, colorScheme = 'light', path = '' } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  let held;
  const requested = new Promise((done) => {
    held = done;
  });
  await page.route('**/*.wasm', (route) => held(route));
  await page.goto(site.server.url + path, { waitUntil: 'commit' });
  const wasm = await requested;
  await page.locator(SKELETON).waitFor({ state: 'visible' });
  return { page, context, problems, release: () => wasm.continue() };
}

/**
 * The prerendered first chart the frame shows: which drawing (wide or narrow), how many
 * dots it has, its box, and the colours the stylesheet gives its background and a
 * general-purpose line.
 */
async function prerendered(page) {
  const shown = page.locator('[data-testid=prerendered-chart]:visible');
  assert.equal(await shown.count(), 1, 'one prerendered chart shows');
  return {
    box: await shown.boundingBox(),
    ...(await shown.evaluate((svg) => ({
      size: svg.classList.contains('wide') ? 'wide' : 'narrow',
      points: Number(svg.dataset.points),
      dots: [...svg.querySelectorAll('path.dot')].reduce((n, p) => n + p.getAttribute('d').split('h0').length - 1, 0),
      background: getComputedStyle(svg.parentElement).backgroundColor,
      general: getComputedStyle(svg.querySelector('.s-general')).stroke,
    }))),
  };
}

/** The top edge and height of the element `selector` matches, in CSS pixels. */
async function box(page, selector) {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is laid out`);
  return b;
}

describe('The frame before the WebAssembly', () => {
  for (const look of [
    { name: 'desktop-light', width: 1280, height: 860, colorScheme: 'light' },
    { name: 'desktop-dark', width: 1280, height: 860, colorScheme: 'dark' },
    { name: 'phone-light', width: 390, height: 844, colorScheme: 'light' },
    { name: 'phone-dark', width: 390, height: 844, colorScheme: 'dark' },
  ]) {
    test(`${look.name}: title, tabs and the chart's box show before the WebAssembly runs, then the app takes their place`, async () => {
      const { page, context, problems, release } = await openHeld(look);
      assert.equal(await page.locator('h1').innerText(), 'Instance Atlas');
      assert.deepEqual(await page.locator(`${SKELETON} .tab`).allInnerTexts(), TABS);
      const chart = await box(page, `${SKELETON} .chart-frame`);
      assert.ok(chart.width > 200 && chart.height > 200, `the chart's box is drawn: ${JSON.stringify(chart)}`);
      assert.equal(await page.locator('[data-testid=families-chart]').count(), 0, 'no app yet');
      const tabs = await box(page, `${SKELETON} .tabs`);
      // The first chart is in the frame already, drawn at build time, in the page's colours.
      const first = await prerendered(page);
      assert.equal(first.size, look.width > 720 ? 'wide' : 'narrow', 'the drawing made for this width');
      assert.equal(first.background, look.colorScheme === 'dark' ? 'rgb(24, 26, 31)' : 'rgb(255, 255, 255)');
      assert.equal(first.general, look.colorScheme === 'dark' ? 'rgb(90, 200, 205)' : 'rgb(46, 150, 160)', 'general purpose in its theme colour');
      assert.ok(first.box.width > 200 && first.box.height > 200, `the drawing fills the chart's box: ${JSON.stringify(first.box)}`);
      // The "Loading the chart…" note stays for screen readers, but not over the drawing.
      const note = await box(page, `${SKELETON} .skeleton-note`);
      assert.ok(note.width <= 1 && note.height <= 1, `no "Loading" note over the drawing: ${JSON.stringify(note)}`);
      await page.screenshot({ path: `${SHOTS}skeleton-${look.name}.png`, fullPage: true });

      release();
      await waitForPaints(page, 1);
      assert.equal(
        await page.locator('[data-testid=families-chart]').getAttribute('data-points'),
        String(first.points),
        'the app draws as many types as the frame showed',
      );
      assert.equal(await page.locator('[data-testid=prerendered-chart]').count(), 0, 'the canvas took its place');
      assert.equal(await page.locator(SKELETON).count(), 0, 'the frame is gone once the app has mounted');
      assert.equal(await page.locator('h1').count(), 1, 'one title');
      const appTabs = await box(page, '.tabs');
      const appChart = await box(page, '[data-testid=families-chart] .chart-frame');
      assert.ok(Math.abs(appTabs.y - tabs.y) <= 1, `the tabs stay where they were: ${tabs.y} -> ${appTabs.y}`);
      assert.ok(Math.abs(appChart.y - chart.y) <= 4, `the chart stays where its box was: ${chart.y} -> ${appChart.y}`);
      assert.ok(Math.abs(appChart.height - chart.height) <= 4, `the chart keeps its box's height: ${chart.height} -> ${appChart.height}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('embed mode: no page chrome, neither before the app mounts nor after', async () => {
    const { page, context, problems, release } = await openHeld({ path: '?embed=1' });
    // Before the WebAssembly: the boot script has marked embed mode, so the frame shows
    // only the chart's box (no header, tabs or filters flash inside the host's page).
    assert.equal(await page.isVisible(`${SKELETON} .page-header`), false, 'no header before mounting');
    assert.equal(await page.isVisible(`${SKELETON} .tabs`), false, 'no tabs before mounting');
    assert.equal(await page.isVisible(`${SKELETON} .sidebar`), false, 'no filters before mounting');
    assert.ok(await page.isVisible(`${SKELETON} .chart-frame`), "the chart's box is there");
    await page.screenshot({ path: `${SHOTS}skeleton-embed.png` });
    release();
    await waitForPaints(page, 1);
    assert.equal(await page.locator(SKELETON).count(), 0);
    assert.equal(await page.locator('.page-header').count(), 0, 'no header in an embed');
    assert.equal(await page.locator('.tabs').count(), 0, 'no tabs in an embed');
    assert.equal(await page.locator('[data-testid=open-full]').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the app\'s code is fetched and started only once the frame, with its first chart, has been painted', async () => {
    for (const path of ['', 'embed.html']) {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto(site.server.url + path);
      await waitForPaints(page, 1);
      const [painted, started] = await page.evaluate(() =>
        ['first-contentful-paint', 'atlas:start'].map((name) => performance.getEntriesByName(name)[0]?.startTime));
      assert.ok(painted <= started, `${path || 'index.html'}: first paint at ${painted} ms, the app's code started at ${started} ms`);
      // Nor is the code fetched beside that paint: downloading and compiling it held the paint back.
      const asked = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((r) => /\.(js|wasm)$/.test(r.name) && !/\/boot-[0-9a-f]+\.js$/.test(r.name))
        .map((r) => [r.name.split('/').pop(), r.startTime]));
      assert.ok(asked.length >= 3, `${path || 'index.html'}: the loader, the glue and the WebAssembly: ${JSON.stringify(asked)}`);
      for (const [file, at] of asked) {
        assert.ok(at >= painted, `${path || 'index.html'}: ${file} asked for at ${at} ms, before the first paint at ${painted} ms`);
      }
      await context.close();
    }
  });

  test('in a browser that reports no paints, the code still starts once a frame has been drawn', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => ['mark', 'measure', 'resource'] });
    });
    await page.goto(site.server.url);
    // No paint report comes: boot.js waits two animation frames instead (the frame is then
    // on its way to the screen), and the app draws its chart.
    await waitForPaints(page, 1);
    const asked = await page.evaluate(() => performance.getEntriesByName('atlas:code-requested').length);
    assert.equal(asked, 1, 'boot.js started the code once');
    assert.equal(await page.locator('[data-testid=families-chart]').count(), 1);
    await context.close();
  });

  test('an address that asks for another chart shows the plain box, not the default chart', async () => {
    for (const path of ['?view=sizes', '?cat=general', '?x=vcpu&y=memory', '?embed=1&cat=compute']) {
      const { page, context, problems, release } = await openHeld({ path });
      assert.equal(await page.locator('[data-testid=prerendered-chart]:visible').count(), 0, `${path}: no prerendered chart`);
      assert.ok((await box(page, `${SKELETON} .skeleton-note`)).width > 50, `${path}: the "Loading the chart…" note shows`);
      release();
      await page.waitForSelector('main:not([data-testid=skeleton] main)');
      assert.deepEqual(problems, [], path);
      await context.close();
    }
  });

  test('the embeds show the first chart before their code runs, filling the box the chart will have', async () => {
    // An <iframe> can have any size: a blog column, a wide slot, a phone.
    for (const [width, height] of [[1280, 860], [700, 450], [1280, 600], [390, 300]]) {
      for (const path of ['?embed=1', 'embed.html']) {
        const where = `${path} at ${width}x${height}`;
        const { page, context, release } = await openHeld({ path, width, height });
        const first = await prerendered(page);
        assert.ok(first.points > 1000 && first.dots > 100, `${where}: ${first.points} types in ${first.dots} dots`);
        const frame = await box(page, `${SKELETON} .chart-frame`);
        // The plot area spans the box but for the axes' margins, whatever the box's shape.
        assert.ok(first.box.width >= frame.width - 110 && first.box.height >= frame.height - 64,
          `${where}: the drawing ${JSON.stringify(first.box)} fills its box ${JSON.stringify(frame)}`);
        if (width === 700) await page.screenshot({ path: `${SHOTS}skeleton-embed-${path.includes('html') ? 'page' : 'mode'}-700.png` });
        release();
        await waitForPaints(page, 1);
        const chart = await box(page, '[data-testid=families-chart] .chart-frame');
        for (const side of ['x', 'y', 'width', 'height']) {
          assert.ok(Math.abs(chart[side] - frame[side]) <= 2, `${where}: the chart takes the drawing's box: ${JSON.stringify(frame)} -> ${JSON.stringify(chart)}`);
        }
        await context.close();
      }
    }
  });

  test('the offline file carries the frame too and replaces it when the app mounts', async () => {
    const html = await readFile(join(DIST, 'instance-atlas.html'), 'utf8');
    const body = html.slice(html.search(/<body\b/i));
    assert.match(body, /data-testid="skeleton"/);
    assert.match(body, /<h1>Instance Atlas<\/h1>/);
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`file://${join(DIST, 'instance-atlas.html')}`);
    await waitForPaints(page, 1);
    assert.equal(await page.locator(SKELETON).count(), 0);
    await context.close();
  });
});
