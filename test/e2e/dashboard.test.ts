// 全县概览 in chromium (DESIGN §7, issue 14 item 7): the leader (领导, viewer) signs in and lands on
// the county this month — KPI cards, charts drawn on canvas, the overdue units — at 1440 px and on
// a 390 px phone without horizontal scroll; the organizer reaches it from the workbench; the bell
// in the header opens its list. Needs `npm run build` and /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import { latinTextOnPage, saveScreenshot, useDemoSite } from './support.ts';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('the county dashboard', { timeout: 240_000 }, () => {
  const demo = useDemoSite();

  async function signIn(user: string, landing: RegExp): Promise<void> {
    const login = new LoginPage(demo.page, demo.server.url);
    await login.goto();
    await login.signIn(user, demo.passwords[user] ?? '', landing);
  }

  /** The page drawn: its KPIs, and `charts` ECharts canvases once the chart module has loaded. */
  async function waitForDashboard(charts: number): Promise<void> {
    await demo.page.getByTestId('kpi-progress').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => demo.page.locator('.dashboard-chart canvas').count(), { timeout: 30_000 })
      .toBe(charts);
  }

  // Last month (China time): published, so it has its red and yellow flags.
  const china = new Date(Date.now() + 8 * 3_600_000);
  const last = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1));
  const lastMonth = last.toISOString().slice(0, 7);
  const lastLabel = `${last.getUTCFullYear()}年${last.getUTCMonth() + 1}月`;

  it('is the leader’s landing page, with KPIs, charts and the overdue units', async () => {
    await signIn('lingdao', /\/dashboard/);
    // This month: the progress chart and the assessment's grades (flags come with the results).
    await demo.page.getByTestId('kpi-progress').waitFor({ timeout: 60_000 });
    const flagged =
      Number(await demo.page.locator('[data-testid="kpi-red"] .kpi-value').textContent()) +
      Number(await demo.page.locator('[data-testid="kpi-yellow"] .kpi-value').textContent());
    await waitForDashboard(flagged > 0 ? 3 : 2);
    expect(await demo.page.locator('h1').textContent()).toBe('全县概览');
    const progress = await demo.page.getByTestId('kpi-progress').textContent();
    expect(progress).toMatch(/上报进度\s*\d+ \/ \d+/);
    for (const id of [
      'kpi-overdue',
      'kpi-red',
      'kpi-yellow',
      'kpi-appeals',
      'kpi-rectifications',
    ]) {
      expect(await demo.page.getByTestId(id).isVisible()).toBe(true);
    }
    const overdue = demo.page.getByTestId('dashboard-overdue');
    expect(await overdue.textContent()).toContain('逾期未报单位');
    // The overdue count on the card and the table's rows agree (or the table says none).
    const count = Number(
      await demo.page.locator('[data-testid="kpi-overdue"] .kpi-value').textContent(),
    );
    if (count > 0)
      expect(await overdue.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    else expect(await overdue.textContent()).toContain('没有逾期未报的单位');
    // The menu shows the page, highlighted.
    expect(await demo.page.locator('.ant-menu-item-selected').textContent()).toContain('全县概览');
    expect(await horizontalOverflow(demo.page)).toBeLessThanOrEqual(0);
    expect(await latinTextOnPage(demo.page)).toEqual([]);
    await saveScreenshot(demo.page, 'dashboard-1440');

    // Last month, published: its red and yellow flags charted too.
    await demo.page.goto(`${demo.server.url}/dashboard?period=${lastMonth}`);
    await waitForDashboard(3);
    expect(await demo.page.locator('.dashboard-period').textContent()).toBe(lastLabel);
    expect(
      Number(await demo.page.locator('[data-testid="kpi-red"] .kpi-value').textContent()),
    ).toBeGreaterThan(0);
    expect(await horizontalOverflow(demo.page)).toBeLessThanOrEqual(0);
    await saveScreenshot(demo.page, 'dashboard-last-month-1440');
    expect(demo.consoleErrors).toEqual([]);
  });

  it('fits a 390 px phone: cards not tables, no horizontal scroll', async () => {
    await demo.page.setViewportSize({ width: 390, height: 844 });
    await signIn('lingdao', /\/dashboard/);
    await demo.page.goto(`${demo.server.url}/dashboard?period=${lastMonth}`);
    await waitForDashboard(3);
    // The overdue units as cards on a phone.
    expect(await demo.page.locator('[data-testid="dashboard-overdue"] table').count()).toBe(0);
    expect(await horizontalOverflow(demo.page)).toBeLessThanOrEqual(0);
    await saveScreenshot(demo.page, 'dashboard-390');
    expect(demo.consoleErrors).toEqual([]);
  });

  it('is a link from the admin’s (organizer’s) workbench', async () => {
    await signIn('admin', /\/workbench/);
    await demo.page.getByTestId('open-dashboard').click();
    await demo.page.waitForURL(/\/dashboard/);
    await demo.page.getByTestId('kpi-progress').waitFor({ timeout: 60_000 });
    expect(demo.consoleErrors).toEqual([]);
  });

  for (const width of [1440, 390]) {
    it(`opens the bell’s list at ${width} px`, async () => {
      await demo.page.setViewportSize({ width, height: 900 });
      // A town's reporter has the demo's past notices (进入公示 …), all read when it was loaded.
      await signIn('huangshanpu', /\/workbench/);
      const bell = demo.page.getByTestId('notification-bell');
      await bell.waitFor();
      const box = await bell.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      await bell.click();
      const list = demo.page.getByTestId('notification-list');
      await list.waitFor();
      const items = list.locator('.ant-list-item');
      await items.first().waitFor();
      expect(await list.locator('.notification-read').count()).toBeGreaterThan(0);
      // Unread are only the server's own fresh reminders (整改已逾期 …), no stale 进入公示.
      const unread = await list.locator('.notification-unread').allTextContents();
      expect(unread.filter((text) => text.includes('进入公示'))).toEqual([]);
      // The popover zooms in: measure it once its width has settled.
      let settled = -1;
      await expect
        .poll(async () => {
          const w = (await list.boundingBox())?.width ?? 0;
          const same = Math.abs(w - settled) < 0.5;
          settled = w;
          return same;
        })
        .toBe(true);
      const panel = await list.boundingBox();
      expect(panel).not.toBeNull();
      expect(panel!.x).toBeGreaterThanOrEqual(0);
      expect(panel!.x + panel!.width).toBeLessThanOrEqual(width);
      // Long titles wrap inside the panel: nothing sideways.
      expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      if (width === 390) expect(panel!.width).toBeGreaterThan(300);
      expect(await horizontalOverflow(demo.page)).toBeLessThanOrEqual(0);
      await saveScreenshot(demo.page, `bell-${width}`);
      expect(demo.consoleErrors).toEqual([]);
    });
  }
});
