// End-to-end: prices follow the region in the Table and the Families chart.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOKS, open, paints, shoot, useSite, waitForPaints, DATA } from './harness.mjs';

useSite();

const priceOf = (page, name) => page.locator(`[data-testid=instance-row][data-name="${name}"] td[data-column=price-hour]`).innerText();

describe('Prices and regions', () => {
  test('the table has an hourly price column that follows the region', async () => {
    const { page, context, problems } = await open();
    await page.click('[data-testid=tab-table]');
    await page.waitForSelector('[data-testid=col-price-hour]');
    // The table builds only the rows in view: bring m5.large into it.
    await page.fill('[data-testid=table-search]', 'm5.large');
    assert.match((await priceOf(page, 'm5.large')).trim(), /^\$0\.096\b/);
    // RHEL, RHEL HA and SUSE are in the OS menu and the address: SUSE m5.large is 0.152.
    const systems = await page.locator('[data-testid=os-select] option').allInnerTexts();
    assert.deepEqual(systems, ['Linux', 'Windows', 'RHEL', 'RHEL HA', 'SUSE']);
    await page.selectOption('[data-testid=os-select]', 'suse');
    await page.waitForFunction(() => location.search.includes('os=suse'));
    await page.waitForFunction(() => document.querySelector('[data-testid=instance-row][data-name="m5.large"] td[data-column=price-hour]')?.innerText.trim().startsWith('$0.152'));
    await page.selectOption('[data-testid=os-select]', 'linux');
    await page.waitForFunction(() => !location.search.includes('os=suse'));
    await page.selectOption('[data-testid=region-select]', 'eu-west-1');
    await page.waitForFunction(() => document.querySelector('[data-testid=instance-row][data-name="m5.large"] td[data-column=price-hour]')?.innerText.trim().startsWith('$0.114'));
    await page.fill('[data-testid=table-search]', '');
    await page.click('[data-testid=sort-price-hour]');
    const first = await page.locator('[data-testid=instance-row]').first().getAttribute('data-name');
    assert.match(first, /\.nano$/, `cheapest first: ${first}`);
    await page.check('[data-testid=filter-offered]');
    await page.waitForFunction(() => {
      const m = document.querySelector('[data-testid=row-count]').innerText.match(/^(\d+) of (\d+)/);
      return m && Number(m[1]) < Number(m[2]);
    });
    const offered = Number((await page.locator('[data-testid=row-count]').innerText()).match(/^(\d+) of/)[1]);
    assert.ok(offered > 300 && offered < DATA.types, `types offered in eu-west-1: ${offered}`);
    assert.match(page.url(), /region=eu-west-1/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the region menu says how many types each region offers', async () => {
    const { page, context, problems } = await open();
    const option = (code) => page.locator(`[data-testid=region-select] option[value="${code}"]`).innerText();
    assert.match(await option('us-east-1'), /^N\. Virginia · us-east-1 · \d{3,4} types$/);
    assert.match(await option('us-gov-west-1'), /^US-West · us-gov-west-1 · offerings unknown$/);
    // The place's area is its group, and the whole name is the option's tooltip.
    const group = (code) => page.locator(`[data-testid=region-select] option[value="${code}"]`).evaluate((o) => o.parentElement.label);
    assert.equal(await group('us-east-1'), 'United States');
    assert.equal(await group('eu-west-1'), 'Europe');
    assert.equal(await group('us-west-2-lax-1'), 'Local Zones');
    assert.match(
      await page.locator('[data-testid=region-select] option[value="us-east-1"]').getAttribute('title'),
      /^US East \(N\. Virginia\), us-east-1: the EC2 API offers \d{3,4} instance types there$/,
    );
    assert.match(await page.locator('[data-testid=region-offered]').innerText(), /^\d{3,4} types offered there$/);
    await page.selectOption('[data-testid=region-select]', 'us-gov-west-1');
    await page.waitForFunction(() => document.querySelector('[data-testid=region-offered]')?.innerText.startsWith('offerings unknown'));
    await shoot(page, 'region-menu-gov');
    await page.check('[data-testid=include-suspect]');
    await page.waitForFunction(() => location.search.includes('suspect=1'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a price axis on the Families chart changes with the region', async () => {
    const { page, context } = await open({ path: '?y=price-hour' });
    const chart = page.locator('[data-testid=families-chart]');
    const usEast = Number(await chart.getAttribute('data-points'));
    assert.ok(usEast > 600 && usEast < DATA.types, `types with a trusted us-east-1 price: ${usEast}`);
    const shot = await page.locator('[data-testid=families-chart] canvas.chart-canvas').screenshot();
    const before = await paints(page);
    await page.selectOption('[data-testid=region-select]', 'ap-south-2');
    await waitForPaints(page, before + 1);
    const elsewhere = Number(await chart.getAttribute('data-points'));
    assert.ok(elsewhere < usEast, `fewer types are priced in ap-south-2: ${elsewhere}`);
    assert.notDeepEqual(await page.locator('[data-testid=families-chart] canvas.chart-canvas').screenshot(), shot);
    const repaints = await paints(page);
    await page.selectOption('[data-testid=colour-by]', 'price-vcpu-hour');
    await waitForPaints(page, repaints + 1);
    assert.match(await page.locator('[data-testid=legend-ramp]').innerText(), /\$[\d.]+\s+\$[\d.]+/, 'a price ramp with its range');
    assert.match(page.url(), /colour=price-vcpu-hour/);
    await shoot(page, 'families-colour-price-desktop-light');
    await page.selectOption('[data-testid=colour-by]', 'vendor');
    await waitForPaints(page, repaints + 2);
    assert.match(await page.locator('[data-testid=legend-vendor]').innerText(), /AWS Graviton/);
    await context.close();
  });

  test('screenshots of the price views', async () => {
    for (const look of LOOKS) {
      const { page, context } = await open({ ...look, path: '?y=price-hour&view=table', waitForChart: false });
      await page.waitForSelector('[data-testid=col-price-hour]');
    // The table builds only the rows in view: bring m5.large into it.
    await page.fill('[data-testid=table-search]', 'm5.large');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${look.name}: no sideways scrolling (${overflow}px)`);
      await shoot(page, `prices-table-${look.name}`);
      await context.close();
    }
  });
});
