// A series month in chromium (DESIGN §7, issue 13 and 14): the county organizer opens next month's
// rounds of the ten 党建 contests in one step, and walks this month's through review, notice and
// publication with a preview before each step (rounds that cannot move say why: publishing during
// the notice needs a reason); the public site lists the rounds 公示中 with their end; the tallies
// show the month's red and yellow units, and the series' 通报 downloads and reads as a document.
// Needs `npm run build` and /usr/bin/chromium.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectZip, readZipEntry } from '../../src/io/zip-guard.ts';
import { LoginPage } from './page-models/login-page.ts';
import { SeriesPage } from './page-models/series-page.ts';
import {
  ApiClient,
  lastLine,
  makeTempDir,
  runCli,
  saveScreenshot,
  useDemoSite,
} from './support.ts';

const PARTY = 1; // 基层党建十大擂台赛, the demo's first series

function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

interface SeriesView {
  contests: { id: number; round: { id: number; state: string } | null }[];
  tallies: { period?: { redUnits: number; yellowUnits: number } };
}

describe('a series month', { timeout: 240_000 }, () => {
  const demo = useDemoSite();
  let api: ApiClient;
  const now = new Date();
  const month = monthOf(now);
  const next = monthOf(new Date(now.getFullYear(), now.getMonth() + 1, 1));
  const previous = monthOf(new Date(now.getFullYear(), now.getMonth() - 1, 1));

  beforeAll(async () => {
    const token = lastLine(
      (await runCli(['token', 'create', '--user', 'admin', '--data', demo.data.dir])).stdout,
    );
    api = new ApiClient(demo.server.url, token);
  });

  async function signIn(): Promise<SeriesPage> {
    const login = new LoginPage(demo.page, demo.server.url);
    await login.goto();
    await login.signIn('admin', demo.passwords.admin ?? '');
    return new SeriesPage(demo.page, demo.server.url);
  }

  it('groups the admin’s workbench by series and month', async () => {
    await signIn();
    const groups = demo.page.locator('.task-groups .task-group');
    await groups.first().waitFor();
    const heads = await demo.page.locator('.task-group-head').allInnerTexts();
    expect(heads.some((h) => h.includes('基层党建十大擂台赛'))).toBe(true);
    expect(heads.some((h) => h.includes('龙虎榜'))).toBe(true);
    // Far fewer groups than items.
    expect(heads.length).toBeLessThan(10);
    await saveScreenshot(demo.page, 'series-workbench-1440');
    expect(demo.consoleErrors).toEqual([]);
  });

  it('opens next month’s rounds of all ten contests in one step, after a preview', async () => {
    const series = await signIn();
    await series.goto(PARTY, next);
    expect(new Set(await series.states())).toEqual(new Set(['未开擂']));
    const lines = await series.preview('一键开擂');
    expect(await lines.count()).toBe(10);
    expect(await series.summary.textContent()).toContain('将变更 10 个期次');
    // Nothing has changed yet: the preview rolled back.
    const before = await api.call<SeriesView>('GET', `/series/${PARTY}?period=${next}`);
    expect(before.contests.every((c) => c.round === null)).toBe(true);
    await saveScreenshot(demo.page, 'series-open-preview-1440');
    await series.confirm();
    await expect.poll(() => series.states()).toEqual(Array(10).fill('填报中'));
    expect(demo.consoleErrors).toEqual([]);
  });

  it('walks this month through review, notice and publication, all ten at once', async () => {
    // The towns fill in what is missing (as last month's values).
    const view = await api.call<SeriesView>('GET', `/series/${PARTY}?period=${month}`);
    const last = await api.call<SeriesView>('GET', `/series/${PARTY}?period=${previous}`);
    for (const [k, c] of view.contests.entries()) {
      const from = last.contests[k]?.round?.id;
      if (!c.round || !from) throw new Error('the demo has this and last month open');
      const entries = await api.call<{
        items: { unit: string; indicator: string; value: unknown }[];
      }>('GET', `/rounds/${from}/entries`);
      await api.call(
        'PUT',
        `/rounds/${c.round.id}/entries`,
        entries.items.map((e) => ({ unit: e.unit, indicator: e.indicator, value: e.value })),
      );
    }

    const series = await signIn();
    await series.goto(PARTY, month);
    expect(new Set(await series.states())).toEqual(new Set(['填报中']));

    let lines = await series.preview('截止填报转审核');
    expect(await lines.count()).toBe(10);
    expect(await lines.first().textContent()).toMatch(/填报中\s*→\s*审核中/);
    await series.confirm();
    await expect.poll(() => series.states()).toEqual(Array(10).fill('审核中'));

    await series.preview('一键进入公示');
    await series.confirm();
    await expect.poll(() => series.states()).toEqual(Array(10).fill('公示中'));
    const noticeEnds = await demo.page
      .locator('.series-rounds tbody tr.ant-table-row td:nth-child(4)')
      .allInnerTexts();
    expect(noticeEnds.every((d) => /\d{4}-\d{2}-\d{2}/.test(d))).toBe(true);

    // The public site lists them 公示中 with the preliminary results and the end of the notice.
    const visitor = await demo.browser.newContext({ locale: 'zh-CN' });
    const pub = await visitor.newPage();
    await pub.goto(`${demo.server.url}/public`);
    await pub.locator('.notices-banner').getByRole('link', { name: '查看公示' }).click();
    await pub.waitForURL(/\/public\/notices/);
    const notices = pub.locator('.public-notice');
    await notices.first().waitFor();
    expect(await notices.count()).toBe(10);
    const head = await notices.first().locator('.public-notice-head').textContent();
    expect(head).toContain('公示中');
    expect(head).toMatch(/公示截止：\d{4}-\d{2}-\d{2}/);
    await notices.first().locator('.ant-collapse-header').click();
    await notices.first().locator('tbody tr.ant-table-row').first().waitFor();
    await pub.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => pub.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await saveScreenshot(pub, 'public-notices-390');
    await visitor.close();

    // Publishing during the notice: the preview says which rounds cannot, and why.
    lines = await series.preview('一键发布');
    expect(await series.summary.textContent()).toContain('不能执行');
    expect(await series.confirmButton.isDisabled()).toBe(true);
    expect(await lines.filter({ hasText: '不能执行' }).count()).toBe(10);
    await saveScreenshot(demo.page, 'series-publish-refused-1440');
    await series.modal.locator('.bulk-reason').fill('公示期内无异议，经县委组织部研究同意提前发布');
    lines = await series.preview('一键发布');
    expect(await series.summary.textContent()).toContain('将变更 10 个期次');
    expect(await lines.first().textContent()).toMatch(/公示中\s*→\s*已发布/);
    await series.confirm();
    await expect.poll(() => series.states()).toEqual(Array(10).fill('已发布'));

    // The month's tallies: as many red and yellow units as the API counts, and some of each.
    const after = await api.call<SeriesView>('GET', `/series/${PARTY}?period=${month}`);
    const red = after.tallies.period?.redUnits ?? 0;
    const yellow = after.tallies.period?.yellowUnits ?? 0;
    expect(red).toBeGreaterThan(0);
    expect(yellow).toBeGreaterThan(0);
    await expect.poll(() => series.tally('period', 'red').textContent()).toBe(String(red));
    expect(await series.tally('period', 'yellow').textContent()).toBe(String(yellow));
    await saveScreenshot(demo.page, 'series-month-published-1440');
    // On a phone (a fresh load, as a phone would have it): no sideways scrolling.
    await demo.page.setViewportSize({ width: 390, height: 844 });
    await demo.page.reload();
    await series.rows.first().waitFor();
    await expect
      .poll(() => demo.page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await saveScreenshot(demo.page, 'series-month-published-390');
    await demo.page.setViewportSize({ width: 1440, height: 900 });

    // The series 通报: downloaded and read as the Word document it is.
    const download = await series.downloadBulletin();
    const dir = makeTempDir('leitai-bulletin-');
    try {
      const file = path.join(dir.dir, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = fs.readFileSync(file);
      const zip = inspectZip(bytes);
      if (!zip.ok) throw new Error(zip.message);
      const xml = readZipEntry(bytes, zip.entries, 'word/document.xml')?.toString('utf8');
      const text = (xml ?? '').replace(/<[^>]+>/g, '');
      expect(text).toContain('中共沂水县委组织部');
      expect(text).toMatch(/沂组通〔\d{4}〕\d+号/);
      expect(text).toContain('红旗');
      expect(text).toContain('黄旗');
      expect(text).toContain('抄送');
    } finally {
      dir.remove();
    }
    // The refused preview's 409 (NOT_ALL_READY, shown line by line) is the browser's only complaint.
    expect(demo.consoleErrors.filter((e) => !e.includes('409 (Conflict)'))).toEqual([]);
  });
});
