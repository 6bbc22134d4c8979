// End-to-end: what a person loads cannot kill the page. A panic explains itself; a file over
// the budget is refused with the data shown before intact.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIST, open, paints, shoot, useSite, waitForPaints } from './harness.mjs';
import { CSP, serve } from './server.mjs';

const site = useSite();

const CHART = '[data-testid=families-chart]';
const FIXTURES = fileURLToPath(new URL('../../crates/model/tests/fixtures/', import.meta.url));
const GROUP = join(FIXTURES, 'describe-instance-types/g2_2xlarge_group.json');
const points = async (page) => Number(await page.locator(CHART).getAttribute('data-points'));

/** Writes `text` to a new temporary file and returns its path. */
async function temporary(name, text) {
  const folder = await mkdtemp(join(tmpdir(), 'atlas-'));
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

/** A describe-instance-types file of about `megabytes` MB (distinct sizes of one family). */
function describeFile(megabytes) {
  const records = [];
  let length = 0;
  for (let n = 2; length < megabytes * 1e6; n++) {
    const record = JSON.stringify({
      InstanceType: `c5.${n}xlarge`,
      VCpuInfo: { DefaultVCpus: 4 * n },
      MemoryInfo: { SizeInMiB: 8192 * n },
      ProcessorInfo: { Manufacturer: 'Intel', SupportedArchitectures: ['x86_64'], SustainedClockSpeedInGhz: 3.4 },
      NetworkInfo: { NetworkPerformance: 'Up to 10 Gigabit' },
      Padding: 'x'.repeat(1500),
    });
    records.push(record);
    length += record.length + 1;
  }
  return `{"InstanceTypes": [${records.join(',')}]}`;
}

/** The WebAssembly memory the README promises for a file at the import budgets. */
const MEMORY_BUDGET = 64 * 2 ** 20;
const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);

/** A describe-instance-types file exactly at the import budgets: 2,000 families (1,000 pairs
 * such as `m1000` and `m1000a`, so Letter prices has pairs to find) of 5 sizes each, 10,000
 * instance types, with storage, network and GPUs to fill every column. */
function budgetFile() {
  const sizes = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge'];
  const records = [];
  for (let pair = 0; pair < 1000; pair++) {
    for (const amd of [false, true]) {
      const family = `m${1000 + pair}${amd ? 'a' : ''}`;
      sizes.forEach((size, step) => {
        const vcpu = 2 << step;
        records.push(JSON.stringify({
          InstanceType: `${family}.${size}`,
          CurrentGeneration: pair % 3 !== 0,
          VCpuInfo: { DefaultVCpus: vcpu },
          MemoryInfo: { SizeInMiB: 4096 * vcpu },
          ProcessorInfo: { Manufacturer: amd ? 'AMD' : 'Intel', SupportedArchitectures: ['x86_64'], SustainedClockSpeedInGhz: 3.1 },
          NetworkInfo: { NetworkPerformance: `Up to ${5 * (step + 1)} Gigabit` },
          InstanceStorageSupported: step > 2,
          ...(step > 2 ? { InstanceStorageInfo: { TotalSizeInGB: 100 * vcpu, Disks: [{ SizeInGB: 100 * vcpu, Count: 1, Type: 'ssd' }], NvmeSupport: 'required' } } : {}),
          ...(pair % 10 === 0 ? { GpuInfo: { Gpus: [{ Name: 'T4', Manufacturer: 'NVIDIA', Count: step + 1, MemoryInfo: { SizeInMiB: 16384 } }] } } : {}),
        }));
      });
    }
  }
  return `{"InstanceTypes": [${records.join(',')}]}`;
}

/** Opens the site in a new context whose loader hands the WebAssembly exports to the page
 * (`window.__atlasWasm`, for `wasmBytes`), once the chart is drawn. */
async function openWatchingMemory() {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => {
      window.__atlasWasm = event.detail.wasm;
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(site.server.url);
  await waitForPaints(page, 1);
  return { context, page, problems };
}

/** The app's WebAssembly memory in bytes (the loader hands its exports to this listener). */
const wasmBytes = (page) => page.evaluate(() => window.__atlasWasm.memory.buffer.byteLength);

describe('Nothing a person loads can kill the page', () => {
  test('a panic shows "Something went wrong: reload" with the trap for a bug report, and Reload keeps the address', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
    await page.goto(`${site.server.url}?view=sizes&debug=panic`);
    const panel = page.locator('[data-testid=panic]');
    await panel.waitFor();
    assert.match(await panel.locator('h1').innerText(), /^Something went wrong: reload$/);
    const text = await page.locator('[data-testid=panic-text]').innerText();
    // The published build panics with a bare trap (panic = "immediate-abort"): its report is
    // the trap and where in this build's WebAssembly it happened.
    assert.match(text, /^RuntimeError: unreachable/, 'what stopped the app, for a bug report');
    assert.match(text, /instance-atlas-[0-9a-f]+_bg\.wasm.*0x[0-9a-f]+/, 'where in which build it stopped');
    assert.match(text, /view=sizes/, 'the address, for a bug report');
    assert.equal(await page.locator('main:visible, header:visible').count(), 0, 'the dead app is out of sight');
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
    const builtin = await points(page);
    await page.setInputFiles('[data-testid=import-file]', path);
    const error = page.locator('[data-testid=error]');
    await error.waitFor({ timeout: 60000 });
    assert.match(
      await error.innerText(),
      /million\.json was not loaded: this file holds 1,000,000 instance types; the atlas shows at most 10,000\. The data shown before is unchanged\./,
    );
    assert.equal(await points(page), builtin, 'still the built-in data');
    await page.click('[data-testid=filter-category-compute]');
    await waitForPaints(page, before + 1);
    assert.ok((await points(page)) < builtin, 'the page still answers');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('25 rounds of import and reset, exports and view switches leave the memory where the second left it', async () => {
    const path = await temporary('four-megabytes.json', describeFile(4));
    const { context, page, problems } = await openWatchingMemory();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const views = ['sizes', 'capabilities', 'decoder', 'compare', 'letters', 'families', 'table'];
    const sizes = [];
    for (let round = 1; round <= 25; round++) {
      await page.setInputFiles('[data-testid=import-file]', path);
      await page.waitForSelector('[data-testid=data-source]');
      await page.click('[data-testid=data-reset]');
      await page.waitForSelector('[data-testid=data-source]', { state: 'detached' });
      for (const view of views) await page.click(`[data-testid=tab-${view}]`);
      await page.waitForSelector('[data-testid=copy-markdown]');
      await page.click('[data-testid=copy-markdown]');
      await page.waitForFunction(() => /Copied/.test(document.querySelector('[data-testid=export-status]').textContent));
      await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
      await page.waitForFunction(() => /Saved/.test(document.querySelector('[data-testid=export-status]').textContent));
      await page.click('[data-testid=tab-families]');
      sizes.push(await wasmBytes(page));
    }
    const mb = sizes.map((b) => (b / 2 ** 20).toFixed(1));
    console.log(`WebAssembly memory after each round (MiB): ${mb.join(' ')}`);
    const second = sizes[1];
    assert.ok(sizes.at(-1) <= second * 1.1, `after 25 rounds ${mb.at(-1)} MiB, after the second ${mb[1]} MiB`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a file at the import budgets (10,000 types, 2,000 families) keeps every view within the memory budget', async () => {
    const path = await temporary('at-the-budgets.json', budgetFile());
    const { context, page, problems } = await openWatchingMemory();
    const figures = [`start ${mib(await wasmBytes(page))}`];
    await page.setInputFiles('[data-testid=import-file]', path);
    const source = page.locator('[data-testid=data-source]');
    await source.waitFor({ timeout: 60000 });
    assert.match(await source.innerText(), /10,?000 instance types/, await source.innerText());
    figures.push(`loaded ${mib(await wasmBytes(page))}`);
    let most = 0;
    for (const view of ['families', 'sizes', 'capabilities', 'table', 'decoder', 'compare', 'letters']) {
      await page.click(`[data-testid=tab-${view}]`);
      await page.waitForSelector(`[data-testid=tab-${view}][aria-selected=true]`);
      if (view === 'table') {
        // Scroll the Table to its end: the rows built there count too.
        await page.locator('.instance-table-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
        await page.waitForFunction(() => document.querySelector('.instance-table-scroll').scrollTop > 0);
      }
      // Two animation frames: the view has drawn what the change asked for.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const bytes = await wasmBytes(page);
      most = Math.max(most, bytes);
      figures.push(`${view} ${mib(bytes)}`);
    }
    console.log(`WebAssembly memory at the import budgets (MiB): ${figures.join(', ')}`);
    assert.ok(most <= MEMORY_BUDGET, `at most ${mib(most)} MiB, the budget is ${mib(MEMORY_BUDGET)} MiB`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('in the offline file, "Download for offline use" saves the file itself: no navigation, no request, data kept', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-offline-'));
    await copyFile(join(DIST, 'instance-atlas.html'), join(folder, 'instance-atlas.html'));
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const requests = [];
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    const address = pathToFileURL(join(folder, 'instance-atlas.html')).href;
    await page.goto(address);
    await waitForPaints(page, 1);
    assert.equal(await page.locator('#atlas-blocked').count(), 0, 'the note is gone once the code runs');
    await page.setInputFiles('[data-testid=import-file]', GROUP);
    await page.waitForSelector('[data-testid=data-source]');
    const link = page.locator('[data-testid=offline-download]');
    assert.match(await link.getAttribute('href'), /^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'instance-atlas.html');
    const saved = await readFile(await download.path(), 'utf8');
    assert.match(saved, /^<!doctype html>/i);
    assert.match(saved, /id="atlas-wasm"/, 'the saved copy carries the code');
    assert.match(saved, /id="atlas-blocked"/, 'and the note for where it cannot run');
    assert.ok(page.url().startsWith(address), `still on the page: ${page.url()}`);
    assert.match(await page.locator('[data-testid=data-source]').innerText(), /7 instance types loaded/, 'the loaded data stays');
    assert.deepEqual(requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:')), [address]);
    await context.close();
  });

  test('on the site, "Download for offline use" saves the copy made in memory; the file it saves works offline', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(site.server.url);
    await waitForPaints(page, 1);
    await page.setInputFiles('[data-testid=import-file]', GROUP);
    await page.waitForSelector('[data-testid=data-source]');
    // The copy is made in memory from what the page fetched at start, on the first click.
    await page.waitForFunction(() => typeof window.atlasMakeOfflineCopy === 'function');
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    const address = page.url();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=offline-download]')]);
    assert.equal(download.suggestedFilename(), 'instance-atlas.html');
    // The page's own code is not fetched again; only the offline file's template and the
    // importer worker, which the site loads on demand, may be read for the copy.
    const onDemand = /\/(importer-worker(\.js|_bg\.wasm)|offline-template-[0-9a-f]{16}\.json)$/;
    assert.ok(requests.some((url) => /offline-template-/.test(url)), 'the template is read on the first click');
    assert.deepEqual(
      requests.filter((url) => !url.startsWith('blob:') && !onDemand.test(url)),
      [],
      'no request for the page again',
    );
    assert.equal(page.url(), address, 'no navigation');
    assert.match(await page.locator('[data-testid=data-source]').innerText(), /7 instance types loaded/, 'the loaded data stays');
    const saved = await readFile(await download.path(), 'utf8');
    const built = await readFile(join(DIST, 'instance-atlas.html'), 'utf8');
    assert.ok(saved === built, `the saved file is the one make dist writes (${saved.length} and ${built.length} characters)`);

    // The saved file, opened from disk with every request but its own blocked, draws.
    const folder = await mkdtemp(join(tmpdir(), 'atlas-saved-'));
    await writeFile(join(folder, 'instance-atlas.html'), saved);
    const offline = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
    await offline.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const copy = await offline.newPage();
    copy.on('pageerror', (error) => problems.push(`offline page error: ${error.message}`));
    await copy.goto(pathToFileURL(join(folder, 'instance-atlas.html')).href);
    await waitForPaints(copy, 1);
    assert.equal(await copy.locator('#atlas-blocked').count(), 0, 'its code runs');
    assert.ok((await points(copy)) > 1000, 'the chart draws the built-in data');
    assert.deepEqual(problems, []);
    await offline.close();
    await context.close();
  });

  test('the offline file served under the strict CSP explains itself instead of staying blank', async () => {
    const strict = await serve(DIST, { headers: { 'content-security-policy': CSP } });
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${strict.url}instance-atlas.html`);
    const note = page.locator('#atlas-blocked');
    await note.waitFor();
    assert.match(await note.innerText(), /one-file offline copy of Instance Atlas/);
    assert.equal(await note.locator('a').getAttribute('href'), './');
    await shoot(page, 'offline-file-under-csp');
    await context.close();
    await strict.close();
  });

  test('a 10,000-character processor name is cut and wraps: the Decoder stays as wide as the window', async () => {
    const long = 'X'.repeat(10_000);
    const csv = `instance_type,vcpu,memory,physical_processor\nm5.large,2,8,${long}\nm5.xlarge,4,16,report\u202Egnp.exe\n`;
    const path = await temporary('long.csv', csv);
    for (const width of [1280, 360]) {
      const { page, context, problems } = await open({ width, height: 800 });
      await page.setInputFiles('[data-testid=import-file]', path);
      await page.waitForSelector('[data-testid=data-source]');
      await page.click('[data-testid=tab-decoder]');
      for (const name of ['m5.large', 'm5.xlarge']) {
        await page.fill('[data-testid=decoder-input]', name);
        await page.waitForSelector('.spec-list');
        const specs = await page.locator('.spec-list').innerText();
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= width, `${name}: the page is ${wide} px wide in a ${width} px window`);
        if (name === 'm5.large') assert.match(specs, /X{200}…/, 'cut to 200 characters');
        else assert.match(specs, /reportgnp\.exe/, 'the bidi override is gone');
      }
      await shoot(page, `decoder-long-text-${width}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
