// End-to-end: the state lives in the address; back and forward; the Embed snippet.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickAndRepaint, open, shoot, useSite, waitForPaints, DATA } from './harness.mjs';

useSite();

const counts = async (page) => ({
  series: Number(await page.locator('[data-testid=families-chart]').getAttribute('data-series')),
  points: Number(await page.locator('[data-testid=families-chart]').getAttribute('data-points')),
});

describe('URL state', () => {
  test('a shared address restores a non-default state in a fresh browser', async () => {
    const first = await open();
    await clickAndRepaint(first.page, '[data-testid=filter-category-compute]');
    await clickAndRepaint(first.page, '[data-testid=axis-x-log]');
    await clickAndRepaint(first.page, '[data-testid=filter-current]');
    const chosen = await counts(first.page);
    const address = new URL(first.page.url());
    assert.match(address.search, /cat=general,memory,storage,accelerated/);
    assert.match(address.search, /xscale=linear/);
    assert.match(address.search, /current=1/);
    await first.context.close();

    const second = await open({ path: address.search });
    assert.deepEqual(await counts(second.page), chosen, 'the same chart');
    assert.equal(await second.page.isChecked('[data-testid=filter-category-compute]'), false);
    assert.equal(await second.page.isChecked('[data-testid=axis-x-log]'), false);
    assert.equal(await second.page.locator('[data-testid=url-notice]').count(), 0);
    await second.context.close();
  });

  test('back and forward step through view changes; a checkbox replaces the entry', async () => {
    const { page, context } = await open();
    const start = await page.evaluate(() => history.length);
    await clickAndRepaint(page, '[data-testid=filter-category-memory]');
    assert.equal(await page.evaluate(() => history.length), start, 'a checkbox does not add history');
    await page.click('[data-testid=tab-table]');
    await page.click('[data-testid=tab-decoder]');
    assert.match(page.url(), /view=decoder/);
    await page.goBack();
    await page.waitForSelector('[data-testid=tab-table][aria-selected=true]');
    assert.match(page.url(), /view=table/);
    await page.goBack();
    await page.waitForSelector('[data-testid=tab-families][aria-selected=true]');
    await waitForPaints(page, 1);
    assert.equal(await page.isChecked('[data-testid=filter-category-memory]'), false, 'filters survive');
    await page.goForward();
    await page.waitForSelector('[data-testid=tab-table][aria-selected=true]');
    await context.close();
  });

  test('the page title names the view, and follows back and forward', async () => {
    const { page, context } = await open();
    assert.equal(await page.title(), 'Families - Instance Atlas');
    await page.click('[data-testid=tab-table]');
    await page.waitForFunction(() => document.title === 'Table - Instance Atlas');
    await page.click('[data-testid=tab-letters]');
    await page.waitForFunction(() => document.title === 'Letter prices - Instance Atlas');
    await page.goBack();
    await page.waitForFunction(() => document.title === 'Table - Instance Atlas');
    await context.close();
  });

  test('a tampered address is named in a notice and the app still works', async () => {
    const { page, context, problems } = await open({ path: '?view=families&x=banana&shade=red&pin=%3Cscript%3E' });
    // Three settings: the notice folds to one line, and "show" lists them.
    assert.equal(await page.locator('[data-testid=url-notice-show]').innerText(), '3 settings in the address were not used: show');
    await page.click('[data-testid=url-notice-show]');
    const notice = await page.locator('[data-testid=url-notice]').innerText();
    assert.match(notice, /x=banana: not a metric/);
    assert.match(notice, /shade=red: unknown setting/);
    const { points } = await counts(page);
    assert.ok(points > 700, 'the chart is drawn with the defaults');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('5,000 unknown keys fold into a one-line notice that opens on request', async () => {
    // 5,000 unknown keys (short ones: a web server refuses an address longer than 16 KB).
    const keys = Array(5000).fill('z').join('&');
    const { page, context, problems } = await open({ path: `?${keys}` });
    const notice = page.locator('[data-testid=url-notice]');
    assert.match(await page.locator('[data-testid=url-notice-show]').innerText(), /^[\d,]+ settings in the address were not used: show$/);
    const folded = await notice.boundingBox();
    assert.ok(folded.height < 40, `one line while folded: ${folded.height} px`);
    await shoot(page, 'url-notice-folded');
    await page.click('[data-testid=url-notice-show]');
    const opened = await notice.boundingBox();
    assert.ok(opened.height > folded.height, 'the list opens');
    assert.ok(opened.height < 400, `and stays within a box: ${opened.height} px`);
    assert.match(await notice.innerText(), /z=: unknown setting/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('Embed', () => {
  test('the Embed button shows an iframe snippet for the current state', async () => {
    const { page, context } = await open();
    await clickAndRepaint(page, '[data-testid=filter-category-compute]');
    await page.click('[data-testid=embed-button]');
    const snippet = await page.inputValue('[data-testid=embed-snippet]');
    // The Families chart embeds from embed.html, the build that carries that view alone.
    assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?cat=general,memory,storage,accelerated"/);
    assert.match(snippet, /title="Instance Atlas: Families"/);
    assert.match(snippet, /width="100%" height="560"/);
    assert.match(snippet, /<\/iframe>\n<script>addEventListener\("message",.*instance-atlas:height.*<\/script>$/s, 'the resize listener follows');
    assert.equal(await page.locator('label[for=embed-snippet]').count(), 1, 'the snippet box has a label');
    await shoot(page, 'embed-panel-desktop-light');
    await context.close();
  });

  test('embed=1 shows the chart alone with a link to the full atlas on the same state', async () => {
    const { page, context } = await open({ width: 360, height: 480, path: '?cat=compute&embed=1' });
    assert.equal(await page.locator('[data-testid=tab-families]').count(), 0, 'no tabs');
    assert.equal(await page.locator('header').count(), 0, 'no page header');
    assert.equal(await page.locator('.sidebar').isVisible(), false, 'no filter panel');
    const { series } = await counts(page);
    assert.equal(series, DATA.computeFamilies, `compute families only: ${series}`);
    const link = page.locator('[data-testid=open-full]');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('href'), /\?cat=compute$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `fits 360 px (${overflow})`);
    await shoot(page, 'embed-phone-light');
    await context.close();
  });

  test('embed.html shows the Families chart alone, links to the atlas beside it, and loads less code', async () => {
    const wasm = [];
    const { page, context, problems, foreign } = await open({ width: 360, height: 480, path: 'embed.html?cat=compute' });
    assert.equal(await page.locator('[data-testid=tab-families]').count(), 0, 'no tabs');
    assert.equal(await page.locator('header').count(), 0, 'no page header');
    assert.equal(await page.locator('[data-testid=skeleton]').count(), 0, 'the frame was replaced');
    assert.equal(await page.locator('[data-testid=save-svg]').count(), 0, 'no picture export in the embed page');
    const { series } = await counts(page);
    assert.equal(series, DATA.computeFamilies, `compute families only: ${series}`);
    const link = page.locator('[data-testid=open-full]');
    assert.match(await link.getAttribute('href'), /^http:\/\/127\.0\.0\.1:\d+\/\?cat=compute$/, 'the full atlas, not embed.html');
    // The legend still filters, in the frame only (its address stays as the host wrote it).
    await clickAndRepaint(page, '[data-testid=legend-memory]');
    assert.ok((await counts(page)).series > series, 'memory families joined the chart');
    assert.match(page.url(), /embed\.html\?cat=compute$/);
    await shoot(page, 'embed-page-phone-light');
    for (const entry of await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name))) {
      if (entry.endsWith('.wasm')) wasm.push(entry);
    }
    assert.equal(wasm.length, 1, `one WebAssembly file: ${wasm.join(', ')}`);
    const full = await open({ path: '?cat=compute' });
    const fullWasm = await full.page.evaluate(() =>
      performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).map((r) => r.name));
    assert.notEqual(wasm[0], fullWasm[0], 'the embed page has its own build');
    const size = async (p, url) => p.evaluate(async (u) => (await (await fetch(u)).arrayBuffer()).byteLength, url);
    const [embedBytes, fullBytes] = [await size(page, wasm[0]), await size(full.page, fullWasm[0])];
    assert.ok(embedBytes < 0.8 * fullBytes, `the embed page's WebAssembly (${embedBytes} B) is well under the atlas's (${fullBytes} B)`);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
    await full.context.close();
    await context.close();
  });

  test('embed.html fetches the prices of its region and system alone and quotes them as the atlas does', async () => {
    const path = '?cat=compute&region=eu-west-1&os=windows';
    const firstTooltip = async (page) => {
      await page.locator(`[data-testid=families-chart] canvas.chart-canvas`).focus();
      await page.keyboard.press('ArrowRight');
      return page.locator('[data-testid=tooltip]').innerText();
    };
    const embed = await open({ width: 640, height: 480, path: `embed.html${path}` });
    const asked = await embed.page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.includes('/prices/')));
    assert.deepEqual(asked, ['/prices/eu-west-1/windows.txt'], 'one small price file, the one the address names');
    const embedText = await firstTooltip(embed.page);
    assert.match(embedText, /per hour in eu-west-1 \(Windows\)/, `a Windows price in eu-west-1: ${embedText}`);
    const full = await open({ width: 640, height: 480, path: `${path}&embed=1` });
    assert.equal(embedText, await firstTooltip(full.page), 'the very words the full atlas uses');
    assert.deepEqual(embed.problems, []);
    await full.context.close();
    await embed.context.close();

    // A host that lost the file: the chart still draws, and a price says why it is missing.
    const lost = await open({ width: 640, height: 480, path: `embed.html${path}`,
      route: ['**/prices/**', (r) => r.fulfill({ status: 404, body: 'not here' })] });
    const lostText = await firstTooltip(lost.page);
    assert.match(lostText, /prices could not be read: the prices could not be loaded \(prices\/eu-west-1\/windows\.txt answered HTTP 404\)/, lostText);
    await lost.context.close();

    // A host that never answers: the chart does not wait for it for ever.
    const stalled = await open({ width: 640, height: 480, path: `embed.html${path}`, route: ['**/prices/**', () => {}] });
    assert.match(await firstTooltip(stalled.page), /the prices could not be loaded \(they did not come within 5 s\)/);
    await stalled.context.close();
  });

  test('embed.html on another view says so and links to that view in the atlas', async () => {
    const { page, context } = await open({ path: 'embed.html?view=table', waitForChart: false });
    await page.waitForSelector('[data-testid=embed-other-view]');
    assert.match(await page.getAttribute('[data-testid=open-full]', 'href'), /\/\?view=table$/);
    await context.close();
  });
});
