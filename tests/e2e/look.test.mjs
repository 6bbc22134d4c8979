// A full look at every view and the Embed panel: screenshots at 1280 px and 390 px, light and
// dark, with the keyboard focus on a control and on a touch screen; and what a person would
// notice in them: a focused control without a visible ring, a tap target smaller than 24 px
// (WCAG 2.5.8, with its spacing and inline-text exceptions), a control's text cut short.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, SCREENS as ALL_SCREENS, SCREEN_LOOKS as LOOKS, shoot, useSite, waitForPaints } from './harness.mjs';

const site = useSite();

/** Every view and the Embed panel. */
const SCREENS = ALL_SCREENS.filter((s) => s.name !== 'load-panel');

/** Opens a screen as a person meets it: drawn, its panel open. */
async function openScreen(screen, viewport) {
  const opened = await open({ ...viewport, path: screen.path, waitForChart: false });
  if (screen.paints) await waitForPaints(opened.page, screen.paints);
  if (screen.click) await opened.page.click(screen.click);
  await opened.page.waitForSelector(screen.ready);
  return opened;
}

/**
 * Controls in sight smaller than 24 × 24 CSS px whose 24 px circle (centred on them) meets
 * another control: the targets WCAG 2.5.8 asks to be bigger. Links inside a sentence are
 * exempt, as the criterion says.
 */
const smallTargets = (page) =>
  page.evaluate(() => {
    const selector = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=tab], [tabindex="0"]';
    const targets = [...document.querySelectorAll(selector)]
      .filter((e) => !e.closest('[inert], [hidden]'))
      // A box's label takes the tap for it: the label is the target.
      .map((e) => ({ e, r: ((e.matches('[type=checkbox], [type=radio]') && e.closest('label')) || e).getBoundingClientRect() }))
      .filter(({ e, r }) => r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden')
      // Under an open panel a control takes no tap: only what is on top counts.
      .filter(({ e, r }) => {
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return true;
        const top = document.elementFromPoint(x, y);
        return !top || e.contains(top) || top.contains(e) || top === e.closest('label');
      });
    const inline = (e) =>
      e.tagName === 'A' && getComputedStyle(e).display === 'inline' && /^(P|LI|DD|SPAN|TD)$/.test(e.parentElement.tagName)
      && e.parentElement.textContent.trim().length > e.textContent.trim().length;
    const meets = (c, r) => {
      const x = Math.max(r.left, Math.min(c.x, r.right));
      const y = Math.max(r.top, Math.min(c.y, r.bottom));
      return Math.hypot(c.x - x, c.y - y) < 12;
    };
    const name = (e) => e.dataset.testid ?? e.getAttribute('aria-label') ?? (e.textContent.trim().slice(0, 30) || e.tagName.toLowerCase());
    return targets
      .filter(({ e, r }) => (r.width < 24 || r.height < 24) && !inline(e))
      .filter(({ e, r }) => {
        const centre = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        return targets.some((other) => other.e !== e && !other.e.contains(e) && !e.contains(other.e) && meets(centre, other.r));
      })
      .map(({ e, r }) => `${name(e)} (${Math.round(r.width)}×${Math.round(r.height)})`)
      .slice(0, 12);
  });

/** Controls whose text is wider than their box and clipped (no scrolling, no wrapping). */
const cutControls = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('button, [role=tab], summary, label, th, .notice')]
      .filter((e) => {
        const style = getComputedStyle(e);
        return e.getClientRects().length && /hidden|clip/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
      })
      .map((e) => e.dataset.testid ?? e.textContent.trim().slice(0, 40)),
  );

/** Where the focus is and whether it draws a ring (an outline or a box shadow). */
const focusRing = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { name: 'body', ring: false };
    const style = getComputedStyle(e);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
    return { name: e.dataset.testid ?? e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 30), ring };
  });

describe('a full look', () => {
  for (const { look, ...viewport } of LOOKS) {
    test(`every view, ${look}: screenshots, a visible focus ring on the first ten Tab stops, nothing cut`, async () => {
      const found = {};
      for (const screen of SCREENS) {
        const { page, context, problems } = await openScreen(screen, viewport);
        await shoot(page, `look-${screen.name}-${look}`);
        const cut = await cutControls(page);
        if (cut.length) found[`${screen.name} cut`] = cut;
        const unringed = [];
        for (let stop = 0; stop < 10; stop += 1) {
          await page.keyboard.press('Tab');
          const { name, ring } = await focusRing(page);
          if (!ring) unringed.push(name);
        }
        await shoot(page, `look-${screen.name}-${look}-focus`);
        if (unringed.length) found[`${screen.name} focus`] = unringed;
        assert.deepEqual(problems, [], `${screen.name}: no page or console error`);
        await context.close();
      }
      assert.deepEqual(found, {});
    });
  }

  test('on a touch screen at 390 px, every tap target is at least 24 px or has room around it', async () => {
    const found = {};
    for (const screen of SCREENS) {
      // A phone's context: touch, no hover, the page laid out for a 390 px screen.
      const context = await site.browser.newContext({
        viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
      });
      const page = await context.newPage();
      await page.goto(site.server.url + screen.path);
      if (screen.paints) await waitForPaints(page, screen.paints);
      if (screen.click) await page.tap(screen.click);
      await page.waitForSelector(screen.ready);
      const small = await smallTargets(page);
      if (small.length) found[screen.name] = small;
      await shoot(page, `look-${screen.name}-touch`);
      await context.close();
    }
    assert.deepEqual(found, {});
  });
});
