// End-to-end: the Table view of the release build, driven in Chromium like a person would.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { LOOKS, clickAndRepaint, open, shoot, useSite, DATA } from './harness.mjs';

const TABLE = '[data-testid=instance-table]';
const ROW = '[data-testid=instance-row]';
const VCPU_FILTER = '[data-testid=table-filter-vcpu]';
const SEARCH = '[data-testid=table-search]';
useSite();

/** Opens the app and switches to the Table tab. */
async function openTable(look = {}) {
  const opened = await open(look);
  await opened.page.click('[data-testid=tab-table]');
  await opened.page.waitForSelector(`${TABLE} ${ROW}`);
  return opened;
}

/** The text of every shown row's cell in a column. */
function cells(page, slug) {
  return page.$$eval(`${ROW} td[data-column=${slug}]`, (tds) => tds.map((td) => td.textContent.trim()));
}

/** How many rows the table holds, as its "N of M instance types" line says (the DOM builds
 * only the rows in view). */
const rowCount = async (page) => (await counted(page)).shown;

/** How many row elements the DOM holds right now. */
const builtRows = (page) => page.locator(ROW).count();

/** Waits until the row of instance type `name` is built and lies wholly inside the table's
 * scroll box (below its sticky heading rows), as a person would see it. */
async function waitForRowInBox(page, name) {
  await page.waitForFunction(([row, table]) => {
    const tr = document.querySelector(row);
    const box = document.querySelector('.instance-table-scroll');
    const head = document.querySelector(`${table} thead`);
    if (!tr || !box) return false;
    const r = tr.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const top = head ? Math.max(b.top, head.getBoundingClientRect().bottom) : b.top;
    return r.top >= top - 1 && r.bottom <= b.bottom + 1;
  }, [`${ROW}[data-name="${name}"]`, TABLE]);
}

/** The "N of M instance types" line, as numbers. */
async function counted(page) {
  const text = await page.locator('[data-testid=row-count]').innerText();
  const match = text.match(/^(\d+) of (\d+) instance types$/);
  assert.ok(match, `row count reads "N of M instance types": ${text}`);
  return { shown: Number(match[1]), total: Number(match[2]) };
}

/** Waits until `accept` (a function of the row count) holds; resolves to the count. */
async function waitForRows(page, accept, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const n = await rowCount(page);
    if (accept(n)) return n;
    if (Date.now() > deadline) assert.fail(`the table kept ${n} rows`);
    await page.waitForTimeout(20);
  }
}

describe('Table view', () => {
  test('lists every instance type and sorts by a column, both ways', async () => {
    const { page, context, problems } = await openTable();
    const all = await rowCount(page);
    assert.equal(all, DATA.types, `rows: ${all}`);
    assert.deepEqual(await counted(page), { shown: all, total: all });

    const vcpuHeading = page.locator(`${TABLE} th[data-column=vcpu]`);
    assert.equal(await vcpuHeading.getAttribute('aria-sort'), 'none');
    await page.click('[data-testid=sort-vcpu]');
    await page.waitForFunction(() => document.querySelector('th[data-column=vcpu]').getAttribute('aria-sort') === 'ascending');
    let vcpus = (await cells(page, 'vcpu')).map(Number);
    assert.equal(vcpus[0], Math.min(...vcpus), 'ascending: the smallest first');
    assert.match(await vcpuHeading.innerText(), /▲/);

    await page.click('[data-testid=sort-vcpu]');
    await page.waitForFunction(() => document.querySelector('th[data-column=vcpu]').getAttribute('aria-sort') === 'descending');
    vcpus = (await cells(page, 'vcpu')).map(Number);
    assert.equal(vcpus[0], 896, 'descending: the most vCPUs first');
    assert.equal(vcpus[0], Math.max(...vcpus));
    assert.ok(vcpus.every((v, i) => i === 0 || vcpus[i - 1] >= v), 'every row in order');
    assert.match(await vcpuHeading.innerText(), /▼/);
    assert.equal(await rowCount(page), all, 'sorting keeps every row');
    assert.ok(await builtRows(page) < 100, 'only the rows in view are built');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a vCPU filter narrows the rows, and the CSV and Markdown exports hold exactly those rows', async () => {
    const { page, context, problems } = await openTable();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const all = await rowCount(page);
    await page.fill(VCPU_FILTER, '>=96');
    await waitForRows(page, (c) => c > 0 && c < DATA.types / 2);
    const vcpus = (await cells(page, 'vcpu')).map(Number);
    assert.ok(vcpus.every((v) => v >= 96), `every row has >= 96 vCPU: ${vcpus.filter((v) => v < 96)}`);
    const shown = await rowCount(page);
    assert.deepEqual(await counted(page), { shown, total: all });
    const names = await cells(page, 'name');
    assert.ok(names.length > 0 && names.length <= shown);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    assert.equal(download.suggestedFilename(), 'instance-atlas-us-east-1-linux-2025-03-02.csv', 'the file name says where the prices are from');
    const file = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    assert.match(file[0], /^# Instance Atlas: \d+ instance types\. Prices: on-demand US dollars in us-east-1 \(US East \(N\. Virginia\)\) for Linux as of 2025-03-02\.$/,
      'the first line names the region, OS and date of the prices');
    const lines = file.slice(1);
    const header = lines[0].split(',');
    assert.equal(header[0], 'Name');
    assert.ok(header.includes('vCPU'), `header: ${lines[0]}`);
    assert.equal(lines.length - 1, shown, 'one CSV line per row shown');
    assert.deepEqual(lines.slice(1, names.length + 1).map((line) => line.split(',')[0]), names, 'the same names, in the same order');
    assert.match(await page.locator('[data-testid=export-status]').innerText(), new RegExp(`Saved ${shown} rows`));

    await page.click('[data-testid=copy-markdown]');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('[data-testid=export-status]').textContent));
    assert.equal(await page.locator('[data-testid=export-status]').innerText(), `Copied ${shown} rows as Markdown`);
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    const mdLines = markdown.trim().split('\n');
    assert.match(mdLines[0], /us-east-1/, 'a sentence naming the prices\' region first');
    assert.equal(mdLines.length, shown + 4, 'sentence, blank line, heading, rule and one line per row');
    assert.match(mdLines[2], /^\| Name \| Category \| vCPU \|/);

    await page.click('[data-testid=copy-tsv]');
    await page.waitForFunction(() => /as TSV/.test(document.querySelector('[data-testid=export-status]').textContent));
    const tsv = (await page.evaluate(() => navigator.clipboard.readText())).trim().split(/\r?\n/);
    assert.match(tsv[0], /us-east-1/);
    assert.equal(tsv[1].split('\t')[0], 'Name');
    assert.equal(tsv.length, shown + 2, 'note, header and one line per row');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a bad filter expression is marked with its reason, and the table keeps its rows', async () => {
    const { page, context, problems } = await openTable();
    await page.fill(VCPU_FILTER, '>=96');
    await waitForRows(page, (c) => c < DATA.types / 2);
    const before = await rowCount(page);
    const names = await cells(page, 'name');
    assert.equal(await page.locator('[data-testid=filter-error]').count(), 0);

    await page.fill(VCPU_FILTER, '>=abc');
    const error = page.locator('[data-testid=filter-error]');
    await error.waitFor();
    assert.match(await error.innerText(), /vCPU filter: expected a number after '>=', found 'a' \(at character 3\)/);
    assert.equal(await page.getAttribute(VCPU_FILTER, 'aria-invalid'), 'true');
    const outline = await page.locator(VCPU_FILTER).evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.equal(outline, 'solid', 'the box is outlined');
    assert.equal(await rowCount(page), before, 'the previous rows stay');
    assert.deepEqual(await cells(page, 'name'), names);
    assert.equal((await counted(page)).shown, before);

    await page.fill(VCPU_FILTER, '16..64');
    await waitForRows(page, (c) => c !== before);
    assert.equal(await page.locator('[data-testid=filter-error]').count(), 0, 'fixed: no error');
    assert.equal(await page.getAttribute(VCPU_FILTER, 'aria-invalid'), 'false');
    assert.ok((await cells(page, 'vcpu')).map(Number).every((v) => v >= 16 && v <= 64));

    await page.fill(VCPU_FILTER, '<0');
    await waitForRows(page, (c) => c === 0);
    assert.match(await page.locator(TABLE).innerText(), /No instance type matches these filters/);
    assert.equal((await counted(page)).shown, 0);
    assert.equal(await page.isDisabled('[data-testid=export-csv]'), true, 'nothing to export');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the name search takes text or a /regex/, and a bad regex says why', async () => {
    const { page, context } = await openTable();
    await page.fill(SEARCH, 'p3dn');
    await waitForRows(page, (c) => c < 10);
    const p3dn = await cells(page, 'name');
    assert.ok(p3dn.includes('p3dn.24xlarge'), `found: ${p3dn}`);
    assert.ok(p3dn.every((n) => n.includes('p3dn')));

    await page.fill(SEARCH, '/^c7gn\\./');
    await waitForRows(page, (c) => c > 0 && c < 30);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=instance-row] td[data-column=name]')].every((td) => td.textContent.startsWith('c7gn.')));
    const c7gn = await cells(page, 'name');
    assert.ok(c7gn.length >= 5, `c7gn sizes: ${c7gn}`);

    await page.fill(SEARCH, '/(/');
    const error = page.locator('[data-testid=filter-error]');
    await error.waitFor();
    assert.match(await error.innerText(), /^Search: not a valid regex/);
    assert.equal(await page.getAttribute(SEARCH, 'aria-invalid'), 'true');
    assert.deepEqual(await cells(page, 'name'), c7gn, 'the last good search still applies');
    await context.close();
  });

  test('the Families filters apply to the table too', async () => {
    const { page, context } = await open();
    await clickAndRepaint(page, '[data-testid=filter-category-compute]');
    await page.click('[data-testid=tab-table]');
    await page.waitForSelector(`${TABLE} ${ROW}`);
    const names = await cells(page, 'name');
    const narrowed = (await counted(page)).shown;
    assert.ok(narrowed > 500, `rows: ${narrowed}`);
    const compute = names.filter((n) => /^(c5|c6i|c7gn)\./.test(n));
    assert.deepEqual(compute, [], 'no compute-optimised rows');
    assert.ok((await counted(page)).shown < (await counted(page)).total);
    // The Table's own category chips show the same filter: every other category chosen.
    assert.equal(await page.getAttribute('[data-testid=chip-category-compute]', 'aria-pressed'), 'false');
    assert.equal(await page.getAttribute('[data-testid=chip-category-memory]', 'aria-pressed'), 'true');
    await page.click('[data-testid=clear-all]');
    await waitForRows(page, (c) => c === DATA.types);
    await page.fill(SEARCH, 'c7gn.large');
    await waitForRows(page, (c) => c === 1);
    assert.ok((await cells(page, 'name')).includes('c7gn.large'), 'shown again');
    await context.close();
  });

  test('the column picker hides and shows a column', async () => {
    const { page, context } = await openTable();
    const processor = `${TABLE} th[data-column=processor]`;
    assert.equal(await page.locator(processor).count(), 0, 'the processor is in the picker, not shown by default');
    await page.click('[data-testid=column-picker]');
    await page.check('[data-testid=column-processor]');
    await page.waitForSelector(processor);
    await page.check('[data-testid=column-family]');
    await page.waitForSelector(`${TABLE} th[data-column=family]`);
    assert.equal((await cells(page, 'family'))[0], (await cells(page, 'name'))[0].split('.')[0]);
    const headings = await page.$$eval(`${TABLE} thead th[data-column]`, (ths) => ths.map((th) => th.dataset.column));
    assert.ok(headings.indexOf('family') < headings.indexOf('vcpu') && headings.indexOf('vcpu') < headings.indexOf('processor'),
      `columns keep the picker's order: ${headings}`);
    await page.uncheck('[data-testid=column-processor]');
    await page.waitForSelector(processor, { state: 'detached' });
    assert.equal(await page.locator(`${ROW} td[data-column=processor]`).count(), 0);
    await context.close();
  });

  test('a row can be pinned, and its name opens the Decoder', async () => {
    const { page, context } = await openTable();
    const row = page.locator(ROW).nth(2);
    const name = await row.getAttribute('data-name');
    const pin = row.locator('[data-testid=pin-toggle]');
    assert.equal(await pin.getAttribute('aria-pressed'), 'false');
    await pin.click();
    await page.locator('[data-testid=pinned]').waitFor();
    assert.match(await page.locator('[data-testid=pinned]').innerText(), new RegExp(name.replace('.', '\\.')));
    assert.equal(await pin.getAttribute('aria-pressed'), 'true');
    assert.match(await row.getAttribute('class'), /pinned-row/);
    await pin.click();
    await page.locator('[data-testid=pinned]').waitFor({ state: 'detached' });

    await row.locator('td[data-column=name] button').click();
    await page.waitForSelector('[data-testid=tab-decoder][aria-selected=true]');
    await context.close();
  });

  test('only the rows in view are built; scrolling reaches the last row and exports hold every row', async () => {
    const { page, context, problems } = await openTable();
    const { shown, total } = await counted(page);
    assert.equal(shown, DATA.types);
    assert.equal(total, DATA.types);
    const built = await builtRows(page);
    assert.ok(built > 5 && built < 100, `rows in the DOM: ${built} of ${shown}`);
    const heights = await page.$$eval(ROW, (trs) => [...new Set(trs.map((tr) => tr.getBoundingClientRect().height))]);
    assert.deepEqual(heights, [32], 'every row is the fixed height the window counts with');

    // The scrollbar is as long as all the rows would be.
    const scroller = page.locator('.instance-table-scroll');
    const scrollHeight = await scroller.evaluate((el) => el.scrollHeight);
    assert.ok(scrollHeight >= shown * 32, `scroll height ${scrollHeight} for ${shown} rows`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/).slice(1);
    assert.equal(lines.length - 1, shown, 'the CSV holds every row, not only those built');
    const first = lines.filter((line) => !line.startsWith('#'))[1].split(',')[0];
    const last = lines[lines.length - 1].split(',')[0];
    assert.equal(await page.locator(`${ROW}[data-name="${first}"]`).count(), 1, 'the first row is built at the top');
    assert.equal(await page.locator(`${ROW}[data-name="${last}"]`).count(), 0, 'the last row is not built at the top');

    // Scrolled to the bottom, the last row comes into the scroll box. Wait for what a
    // person sees (the row wholly inside the box), however many frames the window takes.
    await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await waitForRowInBox(page, last);
    assert.ok(await builtRows(page) < 100, 'still only the rows in view');

    // Keyboard: Tab from the last row's last button leaves the table. At the bottom no row
    // follows it, so the focus cannot grow the window under the key press.
    const lastRow = page.locator(`${ROW}[data-name="${last}"]`);
    await lastRow.locator('a, button, input').last().focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('[data-testid=instance-table]') === null), true,
      'Tab from the last row leaves the table');

    // Back at the top (the first row built again), Tab from the last filter box reaches it.
    await scroller.evaluate((el) => { el.scrollTop = 0; });
    await waitForRowInBox(page, first);
    await page.locator('.column-filter').last().focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('[data-testid=instance-row]') !== null), true,
      'Tab from the last filter box reaches the first row');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('screenshots at desktop and phone width, light and dark; on a phone only the table scrolls sideways', async () => {
    for (const look of LOOKS) {
      const { page, context, problems } = await openTable(look);
      await page.fill(VCPU_FILTER, '>=abc');
      await page.locator('[data-testid=filter-error]').waitFor();
      await page.fill(VCPU_FILTER, '>=96');
      await page.locator(ROW).first().locator('[data-testid=pin-toggle]').click();
      await page.locator('[data-testid=pinned]').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${look.name}: the page does not scroll sideways (${overflow}px)`);
      if (look.width < 400) {
        const inner = await page.locator('.instance-table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
        assert.ok(inner > 0, 'the table scrolls inside its own box');
      }
      await shoot(page, `table-${look.name}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});

describe('The Table as an instance selector', () => {
  test('a category chip narrows the rows and is in the address; Clear all restores every row', async () => {
    const { page, context, problems } = await openTable();
    await page.click('[data-testid=chip-category-compute]');
    await waitForRows(page, (c) => c < DATA.types);
    assert.equal(await page.getAttribute('[data-testid=chip-category-compute]', 'aria-pressed'), 'true');
    assert.match(page.url(), /[?&]cat=compute(&|$)/, `the address: ${page.url()}`);
    const categories = await cells(page, 'category');
    assert.ok(categories.length > 0 && categories.every((c) => c === 'Compute optimised'), `categories: ${[...new Set(categories)]}`);

    await page.click('[data-testid=chip-vendor-graviton]');
    await page.click('[data-testid=chip-caps-d]');
    await page.fill(VCPU_FILTER, '>=8');
    await waitForRows(page, (c) => c > 0 && c < 60);
    const names = await cells(page, 'name');
    assert.ok(names.every((n) => /^c\d+g[a-z]*d[a-z]*\./.test(n)), `Graviton compute types with local NVMe: ${names}`);
    assert.match(page.url(), /vendor=graviton/);
    assert.match(page.url(), /caps=d/);

    // The address alone gives the same rows.
    const narrowed = await rowCount(page);
    const again = await open({ path: `?${page.url().split('?')[1]}`, waitForChart: false });
    await again.page.waitForSelector(`${TABLE} ${ROW}`);
    assert.equal(await rowCount(again.page), narrowed);
    await again.context.close();

    await page.click('[data-testid=clear-all]');
    await waitForRows(page, (c) => c === DATA.types);
    assert.equal(await page.inputValue(VCPU_FILTER), '');
    assert.equal(await page.locator('[data-testid=table-chips] [aria-pressed=true]').count(), 0);
    assert.doesNotMatch(page.url(), /cat=|vendor=|caps=|f\.vcpu/);
    assert.equal(await page.isDisabled('[data-testid=clear-all]'), true, 'nothing left to clear');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('at 1280 px the price is in view without scrolling, and cells carry the source words as tooltips', async () => {
    const { page, context } = await openTable();
    const scroller = await page.locator('.instance-table-scroll').boundingBox();
    const price = await page.locator(`${TABLE} th[data-column=price-hour]`).boundingBox();
    assert.ok(price, 'a price column by default');
    assert.ok(price.x + price.width <= scroller.x + scroller.width + 1 && price.x + price.width <= 1280,
      `the price heading ends at ${price.x + price.width}px, the box at ${scroller.x + scroller.width}px`);
    await page.fill(SEARCH, 'm5.large');
    await waitForRows(page, (c) => c === 1);
    const network = page.locator(`${ROW} td[data-column=network]`);
    assert.equal(await network.innerText(), '10');
    assert.equal(await network.getAttribute('title'), 'Up to 10 Gbps');
    assert.equal(await page.locator(`${ROW} td[data-column=memory]`).getAttribute('title'), '8 GiB');
    await context.close();
  });

  test('the Name column stays in view when the table scrolls right, at 390 px', async () => {
    const look = { name: 'phone-390-light', width: 390, height: 844, colorScheme: 'light' };
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await openTable({ ...look, colorScheme });
      const scroller = page.locator('.instance-table-scroll');
      await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
      await page.waitForFunction(() => document.querySelector('.instance-table-scroll').scrollLeft > 100);
      const box = await scroller.boundingBox();
      const name = await page.locator(`${ROW} td[data-column=name]`).first().boundingBox();
      assert.ok(name.x >= box.x - 1 && name.x < box.x + 60, `the name cell sits at the left edge (${name.x} in ${box.x})`);
      const price = await page.locator(`${ROW} td[data-column=price-hour]`).first().boundingBox();
      assert.ok(price.x > name.x + name.width - 1, 'the price slides under nothing: it is right of the name');
      await shoot(page, `table-scrolled-phone-390-${colorScheme}`);
      await context.close();
    }
  });

  test('in a frame that blocks downloads, Download CSV says so and Copy as CSV still works', async () => {
    const { page, context, problems } = await open({ waitForChart: false });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const src = new URL('?view=table&embed=1', page.url()).href;
    // The host page keeps the site's origin, so the frame shares it (as with the snippet's
    // allow-same-origin) but its sandbox leaves out allow-downloads.
    await page.setContent(`<iframe id="atlas" src="${src}" width="1200" height="700"
      sandbox="allow-scripts allow-same-origin allow-popups"></iframe>`);
    const frame = page.frameLocator('#atlas');
    await frame.locator(ROW).first().waitFor();
    let downloaded = false;
    page.on('download', () => { downloaded = true; });
    await frame.locator('[data-testid=export-csv]').click();
    const status = frame.locator('[data-testid=export-status]');
    await status.locator('.failed').waitFor();
    assert.match(await status.innerText(), /blocks downloads, so no file was saved\. Use Copy as CSV/);
    assert.doesNotMatch(await status.innerText(), /Saved/);
    await frame.locator('[data-testid=copy-csv]').click();
    await status.getByText(/Copied \d+ rows as CSV/).waitFor();
    assert.equal(downloaded, false);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

