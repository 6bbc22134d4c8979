// Lighthouse (npm, tests/e2e/package.json), accessibility category only, scores every view
// 100 as a phone and as a desktop sees it. One system Chromium, the audits one after another.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { CHROMIUM, serve } from './server.mjs';
import { DIST } from './harness.mjs';

/** Every view, as its address opens it (Compare with three pinned types). */
const VIEWS = {
  families: '?view=families',
  sizes: '?view=sizes',
  capabilities: '?view=capabilities',
  table: '?view=table',
  decoder: '?view=decoder&name=p3dn.24xlarge',
  compare: '?view=compare&pin=m5.large,m6g.large,c7gn.16xlarge',
  letters: '?view=letters',
};

/** A port nobody listens on, for Chromium's DevTools endpoint that Lighthouse drives. */
const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

const shared = { server: null, browser: null, port: 0 };

before(async () => {
  shared.server = await serve(DIST);
  shared.port = await freePort();
  shared.browser = await chromium.launch({
    ...CHROMIUM,
    args: [...CHROMIUM.args, `--remote-debugging-port=${shared.port}`],
  });
});

after(async () => {
  await shared.browser?.close();
  await shared.server?.close();
});

/**
 * Audits one address; resolves to the accessibility score (0-100) and one line per audit
 * that failed, with the first elements it names.
 */
async function accessibility(url, formFactor) {
  const flags = {
    port: shared.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['accessibility'],
    // Nothing here needs the full-page picture or the blank page between runs.
    disableFullPageScreenshot: true,
    skipAboutBlank: true,
  };
  const runner = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  const { categories, audits, runtimeError } = runner.lhr;
  if (runtimeError) return { score: 0, failed: [`${runtimeError.code}: ${runtimeError.message}`] };
  // The page skeleton has no menu: a named <select> means the app itself was audited.
  if (audits['select-name'].scoreDisplayMode === 'notApplicable') return { score: 0, failed: ['the app had not drawn'] };
  const failed = Object.values(audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => {
      const nodes = (a.details?.items ?? []).slice(0, 3).map((item) => item.node?.selector ?? item.node?.snippet ?? '');
      return `${a.id}: ${a.title} [${nodes.join(' | ')}]`;
    });
  return { score: Math.round((categories.accessibility.score ?? 0) * 100), failed };
}

describe('Lighthouse accessibility', () => {
  for (const formFactor of ['mobile', 'desktop']) {
    test(`every view scores 100 on ${formFactor}`, async () => {
      const scores = {};
      const failures = {};
      for (const [view, path] of Object.entries(VIEWS)) {
        const { score, failed } = await accessibility(shared.server.url + path, formFactor);
        scores[view] = score;
        if (failed.length) failures[view] = failed;
      }
      console.log(`lighthouse accessibility, ${formFactor}: ${JSON.stringify(scores)}`);
      assert.deepEqual(failures, {}, 'audits that failed');
      assert.deepEqual(
        scores,
        Object.fromEntries(Object.keys(VIEWS).map((v) => [v, 100])),
        'the accessibility score of every view',
      );
    });
  }
});
