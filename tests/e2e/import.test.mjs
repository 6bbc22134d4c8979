// End-to-end: loading your own data by file and by paste; bad and hostile files.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LOOKS, open, shoot, useSite, waitForPaints, paints, DATA } from './harness.mjs';

useSite();

const FIXTURES = fileURLToPath(new URL('../../crates/model/tests/fixtures/', import.meta.url));
const fixture = (path) => `${FIXTURES.replace(/\/?$/, '/')}${path}`;
const HOSTILE = fileURLToPath(new URL('./data/hostile.json', import.meta.url));
const CHART = '[data-testid=families-chart]';
const points = async (page) => Number(await page.locator(CHART).getAttribute('data-points'));

async function loadFile(page, path) {
  const before = await paints(page);
  await page.setInputFiles('[data-testid=import-file]', path);
  return before;
}

describe('Bring your own data', () => {
  test('a describe-instance-types file loads through the file input and every view follows', async () => {
    const { page, context, problems } = await open();
    const before = await loadFile(page, fixture('describe-instance-types/g2_2xlarge_group.json'));
    await page.waitForSelector('[data-testid=data-source]');
    await waitForPaints(page, before + 1);
    const banner = await page.locator('[data-testid=data-source]').innerText();
    assert.match(banner, /g2_2xlarge_group\.json \(aws ec2 describe-instance-types JSON\), 7 instance types loaded/);
    assert.equal(await points(page), 7);
    await page.click('[data-testid=tab-decoder]');
    await page.fill('[data-testid=decoder-input]', 'g2.2xlarge');
    assert.match(await page.locator('.spec-list').innerText(), /vCPU\s+8/);
    await page.click('[data-testid=tab-families]');
    await page.click('[data-testid=data-reset]');
    await page.waitForSelector('[data-testid=data-source]', { state: 'detached' });
    await waitForPaints(page, before + 2);
    assert.equal(await points(page), DATA.types, 'back to the built-in data');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('pasted JSON loads, with specs from the file', async () => {
    const { page, context } = await open();
    await page.click('[data-testid=load-button]');
    await page.fill('[data-testid=import-paste]', await readFile(fixture('describe-instance-types/t3_micro_and_p3_16xl.json'), 'utf8'));
    const before = await paints(page);
    await page.click('[data-testid=import-paste-apply]');
    await page.waitForSelector('[data-testid=data-source]');
    await waitForPaints(page, before + 1);
    assert.match(await page.locator('[data-testid=data-source]').innerText(), /pasted text .*2 instance types loaded/);
    assert.equal(await points(page), 2);
    await context.close();
  });

  test('a bad file is an error in the page and the data shown before stays', async () => {
    const { page, context } = await open();
    await loadFile(page, fixture('describe-instance-types/g2_2xlarge_group.json'));
    await page.waitForSelector('[data-testid=data-source]');
    await page.click('[data-testid=load-button]');
    await page.fill('[data-testid=import-paste]', '{"InstanceTypes": [\n  {"InstanceType": "m5.large",,}\n]}');
    await page.click('[data-testid=import-paste-apply]');
    const error = await page.locator('[data-testid=error]').innerText();
    assert.match(error, /line 2, column \d+/);
    assert.match(error, /unchanged/);
    assert.match(await page.locator('[data-testid=data-source]').innerText(), /7 instance types loaded/);
    assert.equal(await points(page), 7);
    await loadFile(page, fixture('describe-instance-types/empty.json'));
    await page.waitForFunction(() => /no instance types/.test(document.querySelector('[data-testid=error]')?.innerText ?? ''));
    assert.equal(await points(page), 7, 'still the data loaded before');
    await context.close();
  });

  test('hostile strings are skipped or shown as text, never run', async () => {
    const { page, context, problems } = await open();
    await loadFile(page, HOSTILE);
    await page.waitForSelector('[data-testid=data-source]');
    const banner = page.locator('[data-testid=data-source]');
    assert.match(await banner.innerText(), /1 instance type loaded, 2 rows skipped/);
    await banner.locator('summary').click();
    const reasons = await banner.locator('details').innerText();
    assert.match(reasons, /vCPU -4/);
    assert.match(reasons, /<img src=x/, 'the hostile name is shown as text');
    await page.click('[data-testid=tab-table]');
    await page.click('[data-testid=tab-decoder]');
    await page.fill('[data-testid=decoder-input]', 'm5.large');
    assert.match(await page.locator('.spec-list').innerText(), /<script>window.__pwned=2<\/script>/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.deepEqual(problems, []);
    for (const look of LOOKS) {
      await page.setViewportSize({ width: look.width, height: look.height });
      await page.emulateMedia({ colorScheme: look.colorScheme });
      await page.click('[data-testid=tab-families]');
      await shoot(page, `import-${look.name}`);
    }
    await context.close();
  });
});
