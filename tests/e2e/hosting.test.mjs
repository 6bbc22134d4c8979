// End-to-end: the built site on "any static host" and "offline, one file".
// - dist/ served under a sub-path (/tools/atlas/) with a strict Content-Security-Policy:
//   the chart draws and the browser reports no CSP violation;
// - once the app has started (its code is fetched just after the first paint), it makes no
//   network request, whatever the person does;
// - dist/instance-atlas.html opened from disk (file://) with every request blocked draws;
// - embed.html (the Families embed) in a sandboxed iframe on another origin, under the same
//   sub-path and CSP: the chart draws and the frame posts
//   its height to the parent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CSP, serve } from './server.mjs';
import { DIST, SHOTS } from './harness.mjs';

const PREFIX = '/tools/atlas/';
const CHART = '[data-testid=families-chart]';
const DRAWN = () => performance.getEntriesByName('atlas:chart-drawn').length > 0;
/** Whether the stylesheet applied (its custom properties are defined). */
const STYLED = () => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() !== '';

let site;
let browser;
before(async () => {
  site = await serve(DIST, { prefix: PREFIX, headers: { 'content-security-policy': CSP } });
  browser = await chromium.launch(CHROMIUM);
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * A new context whose pages (and frames) record CSP violations in `window.__csp`, and a
 * list of problems: page errors, console errors (where Chromium also reports CSP refusals).
 */
async function watchedContext(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  await context.addInitScript(() => {
    window.__csp = [];
    // A style attribute set on an element not yet in the page is reported against the
    // document: remember the last one set, to name it.
    let lastStyled = '';
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name, value) {
      if (String(name).toLowerCase() === 'style') lastStyled = `<${this.localName} style="${value}">${this.textContent.slice(0, 40)}`;
      return setAttribute.call(this, name, value);
    };
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const target =
          e.target instanceof Element
            ? `<${e.target.localName} class="${e.target.className}">`
            : e.effectiveDirective === 'style-src-attr'
              ? lastStyled
              : '';
        window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${target} ${e.sample}`.trim());
      },
      true,
    );
  });
  const problems = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console (${m.location().url}): ${m.text()}`));
  });
  return { context, problems };
}

async function violations(frame) {
  return frame.evaluate(() => window.__csp);
}

async function points(frame) {
  return Number(await frame.locator(CHART).getAttribute('data-points'));
}

/** Clicks and waits for the app to paint again (or, with `paint: false`, for a moment). */
async function clickAndSettle(page, selector, { paint = true } = {}) {
  const before = await page.evaluate(() => performance.getEntriesByName('atlas:chart-drawn').length);
  await page.click(selector);
  if (paint) {
    await page.waitForFunction((n) => performance.getEntriesByName('atlas:chart-drawn').length > n, before);
  } else {
    await page.waitForTimeout(300);
  }
}

describe('any static host', () => {
  test('dist/index.html refers to its files with relative URLs only, and has no inline script or style', async () => {
    const html = await readFile(join(DIST, 'index.html'), 'utf8');
    for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
      assert.match(url, /^(\.\/[\w.-]+|data:image\/svg\+xml;base64,[\w+/=]+)$/, `relative URL: ${url.slice(0, 80)}`);
    }
    assert.doesNotMatch(html, /<script\b[^>]*>\s*[^<\s]/, 'no inline script');
    assert.doesNotMatch(html, /<style\b|\sstyle=/, 'no inline style');
    assert.doesNotMatch(html, /<base\b/, 'no <base>: relative URLs resolve against the page');
    assert.match(html, /<script type="module" src="\.\/init-[0-9a-f]{16}\.js" integrity="sha384-/);
  });

  test(`served under ${PREFIX} with a strict CSP, the chart draws and nothing is refused`, async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    const responses = [];
    page.on('response', (r) => responses.push(`${r.status()} ${r.url()}`));
    // Without the trailing slash the host redirects, as static hosts do.
    await page.goto(site.url.replace(/\/$/, ''));
    await page.waitForFunction(DRAWN, null, { timeout: 15000 });
    assert.equal(page.url(), site.url);
    assert.ok(await page.evaluate(STYLED), 'the stylesheet applies');
    assert.ok((await points(page)) > 700, `instance types drawn: ${await points(page)}`);
    for (const line of responses.slice(1)) {
      assert.match(line, new RegExp(`^200 ${site.url.replace(/[.]/g, '\\.')}`), `every file comes from under the prefix: ${line}`);
    }
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('once started, the app makes no request while a person uses it', async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(DRAWN, null, { timeout: 15000 });
    const requests = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    await clickAndSettle(page, '[data-testid=filter-category-compute]');
    await clickAndSettle(page, '[data-testid=filter-category-memory]');
    await clickAndSettle(page, '[data-testid=filter-current]');
    await clickAndSettle(page, '[data-testid=tab-table]', { paint: false });
    await page.waitForSelector('[data-testid=instance-table]');
    await clickAndSettle(page, '[data-testid=tab-families]');
    await page.waitForTimeout(500);
    assert.deepEqual(requests, [], 'no request after load');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every view opens without a CSP refusal', async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(DRAWN, null, { timeout: 15000 });
    const refused = {};
    for (const view of ['sizes', 'capabilities', 'table', 'decoder', 'compare', 'families']) {
      await page.click(`[data-testid=tab-${view}]`);
      await page.waitForTimeout(400);
      const seen = await page.evaluate(() => window.__csp.splice(0));
      if (seen.length) refused[view] = [...new Set(seen)];
    }
    assert.deepEqual(refused, {}, 'style attributes set from Rust need the CSSOM (element.style) instead');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the tooltip over the chart is shown without a CSP refusal', async () => {
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(DRAWN, null, { timeout: 15000 });
    const box = await page.locator(`${CHART} canvas.chart-canvas`).boundingBox();
    let found = false;
    for (let y = box.y + 20; y < box.y + box.height - 40 && !found; y += 9) {
      for (let x = box.x + 60; x < box.x + box.width - 20 && !found; x += 9) {
        await page.mouse.move(x, y);
        found = (await page.locator('[data-testid=tooltip]').count()) > 0;
      }
    }
    assert.ok(found, 'a tooltip appears somewhere over the chart');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('offline, one file', () => {
  let folder;
  before(async () => {
    // Alone in a folder: the file must not need any of its siblings.
    folder = await mkdtemp(join(tmpdir(), 'atlas-offline-'));
    await copyFile(join(DIST, 'instance-atlas.html'), join(folder, 'instance-atlas.html'));
  });
  after(async () => folder && rm(folder, { recursive: true, force: true }));

  test('instance-atlas.html opened from disk with every request blocked draws the chart', async () => {
    const { context, problems } = await watchedContext();
    const refused = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      refused.push(url);
      return route.abort();
    });
    await context.setOffline(true);
    const page = await context.newPage();
    const files = [];
    page.on('request', (r) => files.push(r.url()));
    const address = pathToFileURL(join(folder, 'instance-atlas.html')).href;
    await page.goto(address);
    await page.waitForFunction(DRAWN, null, { timeout: 15000 });
    assert.ok((await points(page)) > 700, `instance types drawn: ${await points(page)}`);
    // The app keeps working: a filter repaints, a tab switches (the address follows the state).
    await clickAndSettle(page, '[data-testid=filter-category-compute]');
    // A Families snippet made here embeds this very file: there is no embed.html beside it.
    await page.click('[data-testid=embed-button]');
    const snippet = await page.inputValue('[data-testid=embed-snippet]');
    const src = snippet.match(/src="([^"]+)"/)?.[1] ?? '';
    assert.ok(src.startsWith(`${address}?cat=`) && src.endsWith('&embed=1'), `the snippet embeds ${src}`);
    await page.keyboard.press('Escape');
    await clickAndSettle(page, '[data-testid=tab-table]', { paint: false });
    await page.waitForSelector('[data-testid=instance-table]');
    assert.deepEqual(refused, [], 'nothing was even tried on the network');
    assert.deepEqual(files.filter((u) => !u.startsWith('data:')), [address], 'the one file is all it reads');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('embedded', () => {
  let host;
  let folder;
  let embedded;
  before(async () => {
    // A frame sandboxed without allow-same-origin has an opaque origin ("null"): its module
    // scripts, the wasm fetch and the stylesheet (crossorigin for SRI) are cross-origin CORS
    // requests, so the host must also send Access-Control-Allow-Origin: * (see README).
    embedded = await serve(DIST, {
      prefix: PREFIX,
      headers: { 'content-security-policy': CSP, 'access-control-allow-origin': '*' },
    });
    // The embedding page lives on another origin (another port) than the site.
    folder = await mkdtemp(join(tmpdir(), 'atlas-host-'));
    await writeFile(
      join(folder, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>A page that embeds the atlas</title><link rel="icon" href="data:,">
<script>
  window.messages = [];
  addEventListener('message', (event) => window.messages.push({ origin: event.origin, data: event.data }));
</script>
<iframe sandbox="allow-scripts" src="${embedded.url}embed.html?cat=compute" width="360" height="400"></iframe>\n`,
    );
    host = await serve(folder);
  });
  after(async () => {
    await host?.close();
    await embedded?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('in a sandboxed iframe on another origin the chart draws and the height is posted to the parent', async () => {
    assert.notEqual(host.origin, embedded.origin);
    const { context, problems } = await watchedContext();
    const page = await context.newPage();
    await page.goto(host.url);
    const frame = await (async () => {
      for (let i = 0; i < 100; i++) {
        const found = page.frames().find((f) => f.url().startsWith(embedded.url));
        if (found) return found;
        await page.waitForTimeout(50);
      }
      throw new Error('no frame');
    })();
    await frame.waitForFunction(DRAWN, null, { timeout: 15000 });
    assert.ok((await points(frame)) > 0, 'the frame draws the chart');
    assert.ok(await frame.evaluate(STYLED), 'the stylesheet applies in the frame');
    await page.waitForFunction(() => window.messages.some((m) => m.data?.type === 'instance-atlas:height'), null, {
      timeout: 5000,
    });
    const heights = (await page.evaluate(() => window.messages)).filter((m) => m.data?.type === 'instance-atlas:height');
    for (const { data } of heights) {
      assert.deepEqual(Object.keys(data).sort(), ['height', 'type']);
      assert.equal(typeof data.height, 'number');
    }
    assert.ok(heights.at(-1).data.height > 100, `height: ${heights.at(-1).data.height}`);
    assert.equal(heights.at(-1).origin, 'null', 'a sandboxed frame has an opaque origin');
    assert.deepEqual(await violations(frame), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  /** Serves `html` as the embedding page on its own origin; resolves to the server. */
  async function hostPage(html) {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-host-'));
    await writeFile(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">\n${html}\n`);
    const server = await serve(dir);
    return { server, close: async () => (await server.close(), await rm(dir, { recursive: true, force: true })) };
  }

  /** The first frame of `page` whose address starts with `url`. */
  async function frameOf(page, url) {
    for (let i = 0; i < 100; i++) {
      const found = page.frames().find((f) => f.url().startsWith(url));
      if (found) return found;
      await page.waitForTimeout(50);
    }
    throw new Error('no frame');
  }

  test('the Embed snippet, pasted as is, sizes its frame to the view from the height messages', async () => {
    const { context, problems } = await watchedContext();
    const app = await context.newPage();
    await app.goto(`${embedded.url}?view=letters`);
    await app.waitForSelector('[data-testid=letters-table]');
    await app.click('[data-testid=embed-button]');
    const snippet = await app.inputValue('[data-testid=embed-snippet]');
    await app.close();
    const host2 = await hostPage(`<p>A blog post.</p>\n${snippet}`);
    try {
      const page = await context.newPage();
      await page.goto(host2.server.url);
      const frame = await frameOf(page, embedded.url);
      await frame.waitForSelector('[data-testid=letters-table]', { timeout: 15000 });
      await page.waitForFunction(() => document.querySelector('iframe').getAttribute('height') !== '560', null, { timeout: 5000 });
      const height = Number(await page.getAttribute('iframe', 'height'));
      const content = await frame.evaluate(() => document.querySelector('.atlas.embed').getBoundingClientRect().height);
      assert.ok(Math.abs(height - Math.ceil(content)) <= 2, `the frame is as tall as its view: ${height} for ${content}`);
      assert.deepEqual(problems, []);
    } finally {
      await host2.close();
    }
    await context.close();
  });

  test('sandboxed with allow-scripts alone on a host without CORS, the frame says why instead of staying blank', async () => {
    // `site` sends no Access-Control-Allow-Origin: the opaque-origin frame's module script,
    // stylesheet and wasm are refused, but the classic boot script still runs.
    const host2 = await hostPage(`<iframe sandbox="allow-scripts" src="${site.url}?embed=1" width="600" height="400"></iframe>`);
    const { context } = await watchedContext();
    try {
      const page = await context.newPage();
      await page.goto(host2.server.url);
      const frame = await frameOf(page, site.url);
      const message = frame.locator('[data-testid=boot-failed]');
      await message.waitFor({ timeout: 15000 });
      assert.match(await message.innerText(), /could not start here/);
      assert.match(await message.innerText(), /allow-same-origin/);
      assert.match(await message.innerText(), /Access-Control-Allow-Origin/);
      await page.screenshot({ path: `${SHOTS}embed-sandbox-blocked.png` });
    } finally {
      await host2.close();
    }
    await context.close();
  });
});
