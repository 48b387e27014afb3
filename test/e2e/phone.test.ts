// The public site and the reporter's pages on a 390 px phone (issue 14, item 11): no page scrolls
// sideways, wide tables become cards, the action of each row (去处理) stays on the screen, the
// menus fold behind a button. Screenshots of every page in test-output/e2e/phone-*.png.
// Needs `npm run build` and /usr/bin/chromium.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import { saveScreenshot, useDemoSite } from './support.ts';

const PHONE = { width: 390, height: 844 };
const HUANGSHANPU = '371323104';

describe('on a 390 px phone', { timeout: 240_000 }, () => {
  const demo = useDemoSite();
  let publishedRound = 0;
  let collectingRound = 0;

  beforeAll(async () => {
    const contests = (await (await fetch(`${demo.server.url}/api/v1/public/contests`)).json()) as {
      items: { id: number; category: string; latestRound: { id: number } | null }[];
    };
    const party = contests.items.find((c) => c.category === '基层党建' && c.latestRound);
    if (!party?.latestRound) throw new Error('the demo has no published 基层党建 round');
    publishedRound = party.latestRound.id;
  });

  beforeEach(async () => {
    demo.page.setDefaultTimeout(45_000);
    await demo.page.setViewportSize(PHONE);
  });

  /** How far the page scrolls sideways, and the first elements that stick out. */
  async function overflow() {
    return demo.page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        // Wide content that scrolls inside its own box does not move the page.
        .filter(
          (el) =>
            !el.closest('.grid-scroll, .ant-table-content, .ant-table-body, .plain-table-scroll'),
        )
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}`);
      return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, wide };
    });
  }

  async function expectNoSidewaysScroll(name: string) {
    await saveScreenshot(demo.page, `phone-${name}`);
    const o = await overflow();
    expect(o.scrollWidth, `${name} scrolls sideways: ${o.wide.join(', ')}`).toBeLessThanOrEqual(
      o.innerWidth,
    );
    expect(o.wide, `${name}: elements past the right edge`).toEqual([]);
  }

  /** The narrowest box of these elements: a name squeezed to one character a line is ~20 px. */
  async function narrowest(selector: string): Promise<number> {
    return demo.page
      .locator(selector)
      .evaluateAll((els) => Math.min(...els.map((el) => el.getBoundingClientRect().width)));
  }

  it('the public pages fit, with the menu behind a button', async () => {
    const page = demo.page;
    await page.goto(`${demo.server.url}/public`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(page.getByRole('link', { name: '红旗榜' }).isVisible()).resolves.toBe(false);
    await expectNoSidewaysScroll('public-home');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('link', { name: '红旗榜' }).click();
    await page.waitForURL(/\/public\/flags$/);
    await page.locator('canvas').first().waitFor();
    await expectNoSidewaysScroll('public-flags');
    await page.goto(`${demo.server.url}/public/practices`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectNoSidewaysScroll('public-practices');

    // The ranking: one card a unit, its flag and single ranks on it.
    await page.goto(`${demo.server.url}/public/rounds/${publishedRound}`);
    await page.locator('.results-cards .card-list-item').first().waitFor();
    await expect(page.locator('.results-cards .flag-badge').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.results-cards .single-rank').count()).resolves.toBeGreaterThan(0);
    await expectNoSidewaysScroll('public-ranking');

    // A unit's history: contest names read across the card, not one character a line.
    await page.goto(`${demo.server.url}/public/units/${HUANGSHANPU}`);
    await page.locator('.card-list-item').first().waitFor();
    expect(await narrowest('.card-list-title')).toBeGreaterThan(200);
    await expectNoSidewaysScroll('public-unit');
  });

  it('the reporter’s workbench, round page, entry grid and results fit', async () => {
    const page = demo.page;
    const login = new LoginPage(page, demo.server.url);
    await login.goto();
    await expectNoSidewaysScroll('login');
    await login.signIn('huangshanpu', demo.passwords.huangshanpu ?? '');

    // Each task a card, its 去处理 on the screen without scrolling sideways.
    const handle = page.getByRole('button', { name: '去处理' }).first();
    await handle.waitFor();
    const box = await handle.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await expect(handle.isVisible()).resolves.toBe(true);
    await expectNoSidewaysScroll('workbench-reporter');

    // The staff menu folds away on a phone and opens over the page.
    await expect(page.getByRole('menuitem', { name: '红旗榜' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: '展开菜单' }).click();
    await page.getByRole('menuitem', { name: '红旗榜' }).waitFor();
    await expectNoSidewaysScroll('menu-open');
    await page.getByRole('button', { name: '收起菜单' }).click();
    await page.getByRole('menuitem', { name: '红旗榜' }).waitFor({ state: 'hidden' });

    await handle.click();
    await page.waitForURL(/\/rounds\/\d+$/);
    collectingRound = Number(/\/rounds\/(\d+)$/.exec(page.url())![1]);
    await page.locator('.round-steps').waitFor();
    await expectNoSidewaysScroll('round-reporter');
    // The entry grid: one unit's column of indicators, scrolling in its own box if at all.
    const grid = page.locator('.grid-scroll').first();
    await grid.scrollIntoViewIfNeeded();
    await grid.locator('input, button.grid-readonly').first().waitFor();
    await expectNoSidewaysScroll('entry-grid');
    expect(collectingRound).toBeGreaterThan(0);

    await page.goto(`${demo.server.url}/rounds/${publishedRound}/results`);
    await page.locator('.results-cards .card-list-item').first().waitFor();
    await expectNoSidewaysScroll('results-reporter');
    expect(demo.consoleErrors).toEqual([]);
  });
});
