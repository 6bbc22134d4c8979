// End-to-end: loading your own data by file and by paste; bad and hostile files; the
// importer Web Worker, fetched only when a person loads data, on the site, under the strict
// CSP at a sub-path, and inlined in the offline file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LOOKS, open, shoot, useSite, waitForPaints, paints, DATA, DIST } from './harness.mjs';
import { CSP, serve } from './server.mjs';

const shared = useSite();

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

describe('The importer worker', () => {
  const importerFiles = (urls) => urls.filter((u) => /importer-worker/.test(u)).map((u) => u.replace(/^.*\//, '')).sort();

  test('nothing of the importer is fetched until a person loads data; then it parses in a worker', async () => {
    const { page, context, problems } = await open();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.click('[data-testid=tab-table]');
    await page.click('[data-testid=tab-families]');
    assert.deepEqual(importerFiles(requests), [], 'the importer is not loaded with the page');
    const before = await loadFile(page, fixture('describe-instance-types/g2_2xlarge_group.json'));
    await page.waitForSelector('[data-testid=data-source]');
    await waitForPaints(page, before + 1);
    assert.equal(await points(page), 7);
    assert.deepEqual(importerFiles(requests), ['importer-worker.js', 'importer-worker_bg.wasm', 'importer-worker_loader.js']);
    assert.deepEqual(importerFiles(workers), ['importer-worker_loader.js'], 'it ran as a Web Worker');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('under the strict CSP at a sub-path, a file loads with no violation', async () => {
    const strict = await serve(DIST, { prefix: '/tools/atlas/', headers: { 'content-security-policy': CSP } });
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(strict.url);
    await waitForPaints(page, 1);
    const before = await loadFile(page, fixture('describe-instance-types/t3_micro_and_p3_16xl.json'));
    await page.waitForSelector('[data-testid=data-source]');
    await waitForPaints(page, before + 1);
    assert.equal(await points(page), 2);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
    await strict.close();
  });

  test('the offline file, from disk with every request blocked, loads a file through its inlined worker', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-offline-import-'));
    await copyFile(join(DIST, 'instance-atlas.html'), join(folder, 'instance-atlas.html'));
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const refused = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('blob:')) return route.continue();
      refused.push(url);
      return route.abort();
    });
    await context.setOffline(true);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(join(folder, 'instance-atlas.html')).href);
    await waitForPaints(page, 1);
    const before = await loadFile(page, fixture('describe-instance-types/g2_2xlarge_group.json'));
    await page.waitForSelector('[data-testid=data-source]');
    await waitForPaints(page, before + 1);
    assert.equal(await points(page), 7);
    assert.deepEqual(refused, []);
    assert.deepEqual(problems, []);
    await context.close();
    await rm(folder, { recursive: true, force: true });
  });
});
