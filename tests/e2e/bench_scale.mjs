// `make bench`, the atlas at a size: optionally a generated catalogue loaded through the
// Load data file input (as a person would), then chart drawn, category toggle, Table opened
// and one filter keystroke in it.
import { settle, toggleOnce } from './bench_load.mjs';

const DRAWN = 'atlas:chart-drawn';

/** Resolves to { rows, frame }: ms from `act` to the table body changing, and to the next frame after. */
function untilRowsChange(page, act) {
  return page.evaluate((act) => new Promise((done, fail) => {
    const start = performance.now();
    let rows = null;
    const finish = () => {
      rows = performance.now() - start;
      requestAnimationFrame(() => setTimeout(() => done({ rows, frame: performance.now() - start }), 0));
    };
    setTimeout(() => fail(new Error('the table did not update within 20 s')), 20000);
    if (act === 'open') {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid=instance-row]')) {
          observer.disconnect();
          finish();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      document.querySelector('[data-testid=tab-table]').click();
    } else {
      const body = document.querySelector('[data-testid=instance-table] tbody');
      const input = document.querySelector('[data-testid=table-filter-vcpu]');
      const observer = new MutationObserver(() => {
        observer.disconnect();
        finish();
      });
      observer.observe(body, { childList: true, subtree: true, characterData: true, attributes: true });
      input.value = '>=32';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: '2', inputType: 'insertText' }));
    }
  }), act);
}

/**
 * One fresh page: with `file` ({ name, buffer, count }), the file is chosen in the Load data
 * input and timed to its chart drawn; then toggle, Table open and keystroke, in ms.
 */
export async function atScaleOnce(browser, url, file = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, DRAWN, { timeout: 30000 });
  let loaded = null;
  if (file) {
    await page.evaluate(() => {
      document.querySelector('[data-testid=import-file]').addEventListener('change', () => performance.mark('bench:file-chosen'));
    });
    const before = await page.evaluate((name) => performance.getEntriesByName(name).length, DRAWN);
    await page.setInputFiles('[data-testid=import-file]', { name: file.name, mimeType: 'text/csv', buffer: file.buffer });
    await page.waitForFunction(
      ({ name, before }) => performance.getEntriesByName(name).length > before && document.querySelector('[data-testid=data-source]'),
      { name: DRAWN, before },
      { timeout: 60000 },
    );
    loaded = await page.evaluate((name) => {
      const chosen = performance.getEntriesByName('bench:file-chosen')[0].startTime;
      const drawn = performance.getEntriesByName(name).at(-1).startTime;
      const parsed = performance.getEntriesByName('atlas:data-loaded').at(-1)?.startTime ?? NaN;
      return {
        chosenToDrawn: drawn - chosen,
        parsedToDrawn: drawn - parsed,
        points: Number(document.querySelector('[data-testid=families-chart]')?.getAttribute('data-points')),
        banner: document.querySelector('[data-testid=data-source]')?.innerText ?? '',
      };
    }, DRAWN);
  }
  await settle(page);
  const toggle = await toggleOnce(page, DRAWN);
  // Back to every category, so the Table shows every type.
  await toggleOnce(page, DRAWN);
  await settle(page);
  const open = await untilRowsChange(page, 'open');
  await page.waitForTimeout(150);
  const keystroke = await untilRowsChange(page, 'keystroke');
  await context.close();
  return { loaded, toggle, open, keystroke };
}
