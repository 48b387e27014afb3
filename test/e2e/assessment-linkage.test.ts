// 综合考核, 三级联动 and 经验做法 in chromium: the county's leader reads the yearly ranking and
// why a town stands where it does, compares the towns running a county template, and an
// organizer writes up a practice in the rich-text editor and shows it on the public site.
// Needs `npm run build` and /usr/bin/chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AssessmentPage, LinkageTab, PracticesTab } from './page-models/assessment-pages.ts';
import { LoginPage } from './page-models/login-page.ts';
import {
  collectConsoleErrors,
  DATA_CODES,
  demoPasswords,
  latinTextOnPage,
  launchBrowser,
  makeTempDir,
  newContext,
  type RunningServer,
  runCli,
  saveScreenshot,
  startServer,
  type TempDir,
} from './support.ts';

interface ContestSummary {
  id: number;
  title: string;
  isTemplate: boolean;
  templateId: number | null;
  organizer: { code: string };
}

describe('assessment, three-level linkage and practices', () => {
  let data: TempDir | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let passwords: Record<string, string>;
  let contests: ContestSummary[];
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    data = makeTempDir();
    passwords = demoPasswords((await runCli(['demo', '--data', data.dir])).stdout);
    server = await startServer(data.dir);
    browser = await launchBrowser();
    const list = (await (await fetch(`${server.url}/api/v1/contests?limit=500`)).json()) as {
      items: ContestSummary[];
    };
    contests = list.items;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data?.remove();
  });

  beforeEach(async () => {
    if (!browser || !server) throw new Error('set-up failed');
    context = await newContext(browser);
    page = await context.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  afterEach(async () => {
    await context.close();
  });

  async function signIn(user: string): Promise<void> {
    const login = new LoginPage(page, server!.url);
    await login.goto();
    await login.signIn(user, passwords[user] ?? '');
  }

  it('ranks the 18 towns with grades, draws what each total is made of, explains 黄山铺镇', async () => {
    await signIn('lingdao');
    await page.getByRole('link', { name: '综合考核' }).click();
    await page.getByRole('link', { name: '2026年高质量发展综合绩效考核' }).first().click();
    const assessment = new AssessmentPage(page, server!.url);
    await assessment.rows.first().waitFor();
    expect(page.url()).toMatch(/\/assessments\/1$/);

    await expect.poll(() => assessment.rows.count()).toBe(18);
    const grades = new Set(await assessment.gradeTags.allInnerTexts());
    expect([...grades].sort()).toEqual(['一般', '优秀', '良好', '较差'].sort());
    await assessment.chartCanvas.first().waitFor();
    await expect.poll(() => assessment.chartCanvas.count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('名次线性折算').count()).toBeGreaterThan(0);

    const explanation = await assessment.explain('黄山铺镇');
    const text = await explanation.textContent();
    expect(text).toContain('基层党建重点任务擂台赛·组织建设');
    expect(text).toContain('计入总分');
    expect(text).toMatch(/平均 [\d.]+ × 2% = [\d.]+/);
    expect(text).toMatch(/红旗 \d+ 面/);
    expect(text).toContain('总得分');

    await saveScreenshot(page, 'assessment-results');
    expect(await latinTextOnPage(page, ['Leitai'], DATA_CODES)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('compares the towns running a county template and ranks their villages county-wide', async () => {
    const template = contests.find((c) => c.isTemplate && c.title.includes('组织建设先锋'));
    const instance = contests.find((c) => c.templateId === template?.id);
    if (!template || !instance) throw new Error('the demo has no 组织建设先锋 template');

    await signIn('lingdao');
    await page.goto(`${server!.url}/contests/${template.id}`);
    const linkage = new LinkageTab(page);
    await linkage.open();
    await expect.poll(() => linkage.townRows.filter({ hasText: '黄山铺镇' }).count()).toBe(1);
    await expect.poll(() => linkage.villageRows.count()).toBeGreaterThan(5);
    const first = await linkage.villageRows.first().textContent();
    expect(first).toContain('黄山铺镇');
    await page.locator('.linkage-section canvas').first().waitFor();
    await saveScreenshot(page, 'linkage-towns');
    expect(await latinTextOnPage(page, ['Leitai'], DATA_CODES)).toEqual([]);

    // The town's own contest says which county template it follows.
    await page.goto(`${server!.url}/contests/${instance.id}`);
    const link = page.locator('a.template-link');
    await expect.poll(() => link.textContent()).toBe(template.title);
    expect(await link.getAttribute('href')).toBe(`/contests/${template.id}`);
    expect(consoleErrors).toEqual([]);
  });

  it('lets an organizer write up a practice in bold, publish it and see it on the public site', async () => {
    const contest = contests.find((c) => c.title === '基层党建重点任务擂台赛·组织建设');
    if (!contest) throw new Error('the demo has no 组织建设 contest');
    await signIn('admin');
    await page.goto(`${server!.url}/contests/${contest.id}`);
    const practices = new PracticesTab(page);
    await practices.open();
    await practices.write({
      unit: '黄山铺镇',
      title: '黄山铺镇：支部联建带动村级活动场所提档',
      plain: '全镇推行“一村一策”，',
      bold: '三个月完成十八处场所改造',
    });
    // The saved, sanitised text keeps the bold.
    await expect
      .poll(() => practices.savedBody.locator('b, strong').first().textContent())
      .toBe('三个月完成十八处场所改造');
    await practices.publishFromDrawer();
    const href = await practices.drawer
      .getByRole('link', { name: '查看公开页' })
      .getAttribute('href');
    expect(href).toMatch(/^\/public\/practices\/\d+$/);
    await saveScreenshot(page, 'practice-editor');

    await page.goto(`${server!.url}${href}`);
    await page.getByRole('heading', { name: '黄山铺镇：支部联建带动村级活动场所提档' }).waitFor();
    const bold = page.locator('article.practice-body').locator('b, strong');
    expect(await bold.first().textContent()).toBe('三个月完成十八处场所改造');
    await saveScreenshot(page, 'practice-public');
    expect(consoleErrors).toEqual([]);
  });
});
