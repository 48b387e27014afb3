// The public site and the big screen need no sign-in, read in Chinese and show the flags; a
// refused spreadsheet import names its bad cell and saves nothing. Needs `npm run build` and
// /usr/bin/chromium.
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import { BigScreen, PublicSite } from './page-models/public-pages.ts';
import { RoundPage } from './page-models/round-page.ts';
import {
  chartsAtRest,
  DATA_CODES,
  latinTextOnPage,
  saveScreenshot,
  useDemoSite,
} from './support.ts';

interface PublicContest {
  id: number;
  title: string;
  category: string;
  latestRound: { id: number; period: string } | null;
}

/** Gzip bytes of every script and style the page fetches, by URL: a visitor's download. */
function trackAssets(page: Page): Map<string, number> {
  const sizes = new Map<string, number>();
  page.on('response', async (response) => {
    if (!/\/assets\/.+\.(js|css)$/.test(response.url())) return;
    try {
      sizes.set(response.url(), zlib.gzipSync(await response.body()).length);
    } catch {
      // A response without a body: nothing to count.
    }
  });
  return sizes;
}

const kb = (sizes: Map<string, number>) => [...sizes.values()].reduce((s, n) => s + n, 0) / 1024;

describe('public site and big screen', () => {
  const demo = useDemoSite();
  let party: PublicContest;

  beforeAll(async () => {
    const contests = (await (await fetch(`${demo.server.url}/api/v1/public/contests`)).json()) as {
      items: PublicContest[];
    };
    const found = contests.items.find((c) => c.category === '基层党建' && c.latestRound);
    if (!found) throw new Error('the demo has no published 基层党建 round');
    party = found;
  });

  it('lists the published contests by category, light enough for a first visit', async () => {
    const sizes = trackAssets(demo.page);
    const site = new PublicSite(demo.page, demo.server.url);
    await site.gotoContests();
    await demo.page.waitForLoadState('networkidle');
    await expect.poll(() => site.contestCard(party.title).count()).toBe(1);
    await expect.poll(() => demo.page.getByRole('heading', { name: /基层党建/ }).count()).toBe(1);
    console.log(`public first load: ${kb(sizes).toFixed(1)} KB gzip in ${sizes.size} files`);
    // DESIGN's budget: 400 KB (the ranking is a plain table, not antd's Table, to stay within it).
    expect(kb(sizes)).toBeLessThan(400);
    expect(await latinTextOnPage(demo.page, ['Leitai'], DATA_CODES)).toEqual([]);
    await saveScreenshot(demo.page, 'public-contests');
    expect(demo.consoleErrors).toEqual([]);
  });

  it('shows a 基层党建 round ranking with flags, single ranks and a chart', async () => {
    const sizes = trackAssets(demo.page);
    const site = new PublicSite(demo.page, demo.server.url);
    await site.gotoRound(party.latestRound!.id);
    await expect.poll(() => site.flagTags('红旗').count()).toBeGreaterThan(0);
    await expect.poll(() => site.flagTags('黄旗').count()).toBeGreaterThan(0);
    await expect.poll(() => site.singleRanks.count()).toBeGreaterThan(0);
    await demo.page.waitForLoadState('networkidle');
    console.log(`public ranking first load: ${kb(sizes).toFixed(1)} KB gzip`);
    // DESIGN's budget: 400 KB (the ranking is a plain table, not antd's Table, to stay within it).
    expect(kb(sizes)).toBeLessThan(400);
    // The chart sits below the table: ECharts arrives when the reader scrolls to it.
    await site.chartCard.scrollIntoViewIfNeeded();
    await site.chartCanvas.first().waitFor();
    console.log(`public ranking with its chart: ${kb(sizes).toFixed(1)} KB gzip`);
    expect(await latinTextOnPage(demo.page, ['Leitai'], DATA_CODES)).toEqual([]);
    await saveScreenshot(demo.page, 'public-ranking');

    // A unit's name leads to its history across rounds.
    const first = site.rankingRows.first().locator('a').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await demo.page.getByRole('heading', { name: `${name}历次成绩` }).waitFor();
    expect(demo.consoleErrors).toEqual([]);
  });

  it('shows the year’s 红旗榜 and the practices', async () => {
    const site = new PublicSite(demo.page, demo.server.url);
    await site.gotoFlags(2026);
    await demo.page.locator('canvas').first().waitFor();
    expect(await demo.page.getByRole('heading', { name: '2026年红旗榜' }).count()).toBe(1);
    await saveScreenshot(demo.page, 'public-flags');
    await site.gotoPractices();
    const practice = demo.page.locator('.ant-list-item a').first();
    const none = demo.page.getByText('还没有公开的经验做法');
    // Wait for the list (or its empty message) before deciding which it is.
    await practice.or(none).first().waitFor();
    if (await practice.count()) {
      await practice.click();
      await demo.page.locator('.practice-body').waitFor();
      await saveScreenshot(demo.page, 'public-practice');
    } else {
      await none.waitFor();
    }
    expect(demo.consoleErrors).toEqual([]);
  });

  it('runs the big screen at 1920×1080: boards with flags, then the flag wall', async () => {
    await demo.page.setViewportSize({ width: 1920, height: 1080 });
    const screen = new BigScreen(demo.page, demo.server.url);
    await screen.goto();
    await screen.canvas.first().waitFor();
    await expect.poll(() => screen.flags.filter({ hasText: '红旗' }).count()).toBeGreaterThan(0);
    expect(await latinTextOnPage(demo.page, ['Leitai'], DATA_CODES)).toEqual([]);
    await chartsAtRest(demo.page);
    await saveScreenshot(demo.page, 'screen-board');
    const slides = await screen.dots.count();
    await screen.showSlide(slides);
    await screen.slideTitle.filter({ hasText: '红旗榜' }).waitFor();
    await expect.poll(() => screen.flags.filter({ hasText: '黄旗' }).count()).toBeGreaterThan(0);
    await chartsAtRest(demo.page);
    await saveScreenshot(demo.page, 'screen-flag-wall');
    expect(demo.consoleErrors).toEqual([]);
  });

  it('refuses a spreadsheet with a bad cell, names the cell and saves nothing', async () => {
    const login = new LoginPage(demo.page, demo.server.url);
    await login.goto('/rounds/5');
    await login.signIn('admin', demo.passwords.admin ?? '', /\/rounds\/5/);
    const round = new RoundPage(demo.page, demo.server.url);
    await round.page.locator('.round-steps').waitFor();
    await round.templateButton.waitFor();
    const csv = 'code,name,A1\n371323104,黄山铺镇,abc\n';
    await round.importSheet({ name: '填报.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await round.importRefusal.waitFor();
    expect(await round.importRefusal.textContent()).toContain('没有保存任何数据');
    expect(await round.importReportRows.count()).toBe(1);
    const row = (await round.importReportRows.first().textContent()) ?? '';
    expect(row).toContain('A1');
    expect(row).toContain('C2');
    expect(row).toContain('abc');
    expect(row).toContain('不是数字');
    await saveScreenshot(demo.page, 'import-report');
    expect(demo.consoleErrors.filter((e) => !/status of 422|status of 400/.test(e))).toEqual([]);
  });
});
