// The year-end of the 综合绩效考核 in chromium (DESIGN §8): the county leader fills his 领导评价
// form, the organizer approves a town's 加分 with its evidence, and the grades stand per class
// (街道 and 乡镇 apart), each unit's explanation listing every line up to its total.
// Needs `npm run build` and /usr/bin/chromium.
import { beforeAll, describe, expect, it } from 'vitest';
import { AssessmentPage } from './page-models/assessment-pages.ts';
import { chooseOption } from './page-models/contest-pages.ts';
import { LoginPage } from './page-models/login-page.ts';
import { ApiClient, lastLine, runCli, saveScreenshot, useDemoSite } from './support.ts';

const HSP = '371323104';

// The machine running CI may be busy: the assessment reads every published round of the year.
describe('assessment year-end', { timeout: 180_000 }, () => {
  const demo = useDemoSite();
  let api: ApiClient;

  beforeAll(async () => {
    const token = lastLine(
      (await runCli(['token', 'create', '--user', 'admin', '--data', demo.data.dir])).stdout,
    );
    api = new ApiClient(demo.server.url, token);
    // A town's application for 加分, waiting for the organizer (proposed through the API).
    await api.call('POST', '/assessments/1/adjustments', {
      unit: '371323002',
      item: 'B1',
      points: 1,
      reason: '获评全省文明城市创建先进单位',
    });
  });

  async function signIn(user: string): Promise<AssessmentPage> {
    const login = new LoginPage(demo.page, demo.server.url);
    await login.goto();
    await login.signIn(user, demo.passwords[user] ?? '');
    const page = new AssessmentPage(demo.page, demo.server.url);
    await page.goto(1);
    return page;
  }

  it('takes the leader’s 领导评价 form and shows it in 黄山铺镇’s explanation', async () => {
    const assessment = await signIn('lingdao');
    const form = demo.page.locator('.rating-form[data-form="LD/town"]');
    await form.waitFor();
    const input = form.getByLabel('领导评价 黄山铺镇');
    await input.fill('99');
    await form.getByRole('button', { name: '提交评价表' }).click();
    await demo.page.getByText('评价表已提交').waitFor();
    const explanation = await assessment.explain('黄山铺镇');
    const lines = explanation.locator('.assessment-lines');
    await expect.poll(() => lines.textContent()).toContain('1份评分，平均99');
    const text = (await lines.textContent()) ?? '';
    expect(text).toContain('群众评议');
    expect(text).toContain('去掉最高分');
    expect(text).toContain('加分：获省级以上表彰或肯定');
    expect(text).toContain('红旗、黄旗');
    await demo.page.setViewportSize({ width: 1440, height: 900 });
    await saveScreenshot(demo.page, 'assessment-year-end-rating-1440');
    await demo.page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(demo.page, 'assessment-year-end-rating-390');
    expect(demo.consoleErrors).toEqual([]);
  });

  it('lets the organizer approve a 加分 and grades 街道 and 乡镇 apart', async () => {
    const assessment = await signIn('admin');
    const table = demo.page.locator('.adjustments-table');
    const pending = table.locator('tr', { hasText: '获评全省文明城市创建先进单位' });
    await pending.getByRole('button', { name: '认定', exact: true }).click();
    await expect.poll(() => pending.locator('.adjustment-state').textContent()).toBe('已认定');
    await expect
      .poll(() => table.locator('.adjustment-state', { hasText: '已认定' }).count())
      .toBe(3);

    const classes = demo.page.locator('.assessment-class');
    await expect.poll(() => classes.count()).toBe(2);
    const streets = classes.filter({ hasText: '街道（2个单位' });
    const towns = classes.filter({ hasText: '乡镇（16个单位' });
    expect(await streets.locator('tr.assessment-row').count()).toBe(2);
    expect(await towns.locator('tr.assessment-row').count()).toBe(16);
    // Two streets: one 优秀 and one 良好, never 较差 for being second of two.
    expect((await streets.locator('.assessment-grade').allInnerTexts()).sort()).toEqual(
      ['优秀', '良好'].sort(),
    );
    expect(await towns.locator('.assessment-grade', { hasText: '较差' }).count()).toBeGreaterThan(
      0,
    );

    const explanation = await assessment.explain('龙家圈街道');
    const text = (await explanation.locator('.assessment-lines').textContent()) ?? '';
    expect(text).toContain('加分：获省级以上表彰或肯定');
    expect(text).toContain('合计');
    const results = await api.call<{
      items: { code: string; total: number; lines: { points: number }[] }[];
    }>('GET', '/assessments/1/results');
    for (const u of results.items) {
      const sum = u.lines.reduce((t, l) => t + l.points, 0);
      expect(Math.round(sum * 100) / 100).toBe(u.total);
    }
    expect(results.items.find((u) => u.code === HSP)).toBeDefined();
    await demo.page.setViewportSize({ width: 1440, height: 900 });
    await saveScreenshot(demo.page, 'assessment-year-end-grades-1440');
    await demo.page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(demo.page, 'assessment-year-end-grades-390');
    expect(demo.consoleErrors).toEqual([]);
  });

  it('takes a town’s 加分 through the form, with its evidence, and the organizer approves it', async () => {
    await signIn('huangshanpu');
    const reason = '黄山铺镇党委获评全市基层党建示范镇';
    await demo.page.locator('.adjustment-propose').click();
    const modal = demo.page.locator('.propose-modal');
    await modal.waitFor();
    // Its own unit is the only one it may propose for, and is chosen already.
    await expect
      .poll(() => modal.locator('.ant-select').first().textContent())
      .toContain('黄山铺镇');
    await modal.locator('.ant-select').nth(1).click();
    await chooseOption(demo.page, '获省级以上表彰或肯定');
    await modal.getByLabel('申报分值').fill('0.5');
    await modal.getByLabel('事由').fill(reason);
    await modal.locator('input[type="file"]').setInputFiles({
      name: '示范镇命名文件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await modal.getByRole('button', { name: '提交申报' }).click();
    // The modal closes once the proposal and its evidence are saved (two requests, which take a
    // while on a busy machine); a refusal or a rejected field stays in it, which the failure names.
    await modal.waitFor({ state: 'hidden', timeout: 60_000 }).catch(async (error: unknown) => {
      // Still open: name what the modal says (the server's refusal, or a field the form
      // rejected), and keep a picture of it.
      await saveScreenshot(demo.page, 'assessment-year-end-propose-stuck');
      const said = await modal
        .locator('.ant-alert-error, .ant-form-item-explain-error')
        .allTextContents();
      throw said.length ? new Error(`refused: ${said.join(' / ')}`) : error;
    });
    const row = demo.page.locator('.adjustments-table tr', { hasText: reason });
    await expect
      .poll(() => row.locator('.adjustment-state').textContent(), { timeout: 20_000 })
      .toBe('待审核');
    expect(await row.getByRole('link', { name: '示范镇命名文件.pdf' }).count()).toBe(1);
    await demo.page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(demo.page, 'assessment-year-end-propose-390');
    expect(demo.consoleErrors).toEqual([]);

    await demo.context.clearCookies();
    await signIn('admin');
    const pending = demo.page.locator('.adjustments-table tr', { hasText: reason });
    await pending.getByRole('button', { name: '认定', exact: true }).click();
    await expect.poll(() => pending.locator('.adjustment-state').textContent()).toBe('已认定');
    const results = await api.call<{ items: { code: string; adjustmentPoints: number }[] }>(
      'GET',
      '/assessments/1/results',
    );
    expect(results.items.find((u) => u.code === HSP)?.adjustmentPoints).toBeGreaterThan(0);
  });
});
