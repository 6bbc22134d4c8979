// End-to-end: what a person loads cannot kill the page. A panic explains itself; a file over
// the budget is refused with the data shown before intact.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open, paints, shoot, useSite, waitForPaints } from './harness.mjs';

const site = useSite();

const CHART = '[data-testid=families-chart]';
const points = async (page) => Number(await page.locator(CHART).getAttribute('data-points'));

/** Writes `text` to a new temporary file and returns its path. */
async function temporary(name, text) {
  const folder = await mkdtemp(join(tmpdir(), 'atlas-'));
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

describe('Nothing a person loads can kill the page', () => {
  test('a panic shows "Something went wrong: reload" with its text, and Reload keeps the address', async () => {
    const { page, context, problems } = await open({ path: '?view=sizes&debug=panic', waitForChart: false });
    const panel = page.locator('[data-testid=panic]');
    await panel.waitFor();
    assert.match(await panel.locator('h1').innerText(), /^Something went wrong: reload$/);
    const text = await page.locator('[data-testid=panic-text]').innerText();
    assert.match(text, /the address asked for a test panic \(debug=panic\)/);
    assert.match(text, /src\/panic_page\.rs/, 'where it panicked, for a bug report');
    assert.match(text, /view=sizes/, 'the address, for a bug report');
    assert.equal(await page.locator('main').count(), 0, 'the dead app is gone');
    assert.ok(page.url().endsWith('?view=sizes&debug=panic'), 'the address is kept');
    const reload = page.locator('[data-testid=panic-reload]');
    assert.equal(await reload.getAttribute('href'), page.url());
    assert.ok(await reload.evaluate((link) => link === document.activeElement), 'Reload has the focus');
    assert.ok(problems.some((p) => /unreachable|test panic/.test(p)), problems.join('\n'));
    await shoot(page, 'panic-desktop-light');
    await page.setViewportSize({ width: 360, height: 780 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'panic-phone-dark');
    await context.close();
  });

  test('a file of 1,000,000 instance types is refused at import and the data shown before stays', async () => {
    const records = new Array(1_000_000).fill('{"instance_type":"m5.large","vCPU":2,"memory":8}');
    const path = await temporary('million.json', `[${records.join(',')}]`);
    const { page, context, problems } = await open();
    const before = await paints(page);
    await page.setInputFiles('[data-testid=import-file]', path);
    const error = page.locator('[data-testid=error]');
    await error.waitFor({ timeout: 60000 });
    assert.match(
      await error.innerText(),
      /million\.json was not loaded: this file holds 1,000,000 instance types; the atlas shows at most 10,000\. The data shown before is unchanged\./,
    );
    assert.equal(await points(page), 810, 'still the built-in data');
    await page.click('[data-testid=filter-category-compute]');
    await waitForPaints(page, before + 1);
    assert.ok((await points(page)) < 810, 'the page still answers');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
