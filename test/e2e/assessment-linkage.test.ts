// 综合考核, 三级联动 and 经验做法 in chromium: the county's leader reads the yearly ranking and
// why a town stands where it does, compares the towns running a county template, and an
// organizer writes up a practice in the rich-text editor and shows it on the public site.
// Needs `npm run build` and /usr/bin/chromium.
import { beforeAll, describe, expect, it } from 'vitest';
import { AssessmentPage, LinkageTab, PracticesTab } from './page-models/assessment-pages.ts';
import { LoginPage } from './page-models/login-page.ts';
import { DATA_CODES, latinTextOnPage, saveScreenshot, useDemoSite } from './support.ts';

interface ContestSummary {
  id: number;
  title: string;
  isTemplate: boolean;
  templateId: number | null;
  organizer: { code: string };
}

describe('assessment, three-level linkage and practices', () => {
  const demo = useDemoSite();
  let contests: ContestSummary[];

  beforeAll(async () => {
    // The contest list is for signed-in staff (issue 12): read it as the admin.
    const session = await fetch(`${demo.server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: demo.passwords.admin }),
    });
    const cookie = session.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const list = (await (
      await fetch(`${demo.server.url}/api/v1/contests?limit=500`, { headers: { cookie } })
    ).json()) as { items: ContestSummary[] };
    contests = list.items;
  });

  async function signIn(user: string): Promise<void> {
    const login = new LoginPage(demo.page, demo.server.url);
    await login.goto();
    await login.signIn(user, demo.passwords[user] ?? '');
  }

  it('ranks the 18 towns with grades, draws what each total is made of, explains 黄山铺镇', async () => {
    await signIn('lingdao');
    await demo.page.getByRole('link', { name: '综合考核' }).click();
    await demo.page.getByRole('link', { name: '2026年高质量发展综合绩效考核' }).first().click();
    const assessment = new AssessmentPage(demo.page, demo.server.url);
    await assessment.rows.first().waitFor();
    expect(demo.page.url()).toMatch(/\/assessments\/1$/);

    await expect.poll(() => assessment.rows.count()).toBe(18);
    const grades = new Set(await assessment.gradeTags.allInnerTexts());
    expect([...grades].sort()).toEqual(['一般', '优秀', '良好', '较差'].sort());
    await assessment.chartCanvas.first().waitFor();
    await expect.poll(() => assessment.chartCanvas.count()).toBeGreaterThan(0);
    await expect.poll(() => demo.page.getByText('相对最优折算').count()).toBeGreaterThan(0);

    const explanation = await assessment.explain('黄山铺镇');
    const text = await explanation.textContent();
    expect(text).toContain('基层党建重点任务擂台赛·组织建设');
    expect(text).toContain('计入总分');
    expect(text).toMatch(/平均 [\d.]+ × [\d.]+% = [\d.]+/);
    expect(text).toContain('红旗、黄旗');
    expect(text).toContain('合计');

    await saveScreenshot(demo.page, 'assessment-results');
    expect(await latinTextOnPage(demo.page, ['Leitai'], DATA_CODES)).toEqual([]);
    expect(demo.consoleErrors).toEqual([]);
  });

  it('compares the towns running a county template and ranks their villages county-wide', async () => {
    const template = contests.find((c) => c.isTemplate && c.title.includes('组织建设先锋'));
    const instance = contests.find((c) => c.templateId === template?.id);
    if (!template || !instance) throw new Error('the demo has no 组织建设先锋 template');

    await signIn('lingdao');
    await demo.page.goto(`${demo.server.url}/contests/${template.id}`);
    const linkage = new LinkageTab(demo.page);
    await linkage.open();
    await expect.poll(() => linkage.townRows.filter({ hasText: '黄山铺镇' }).count()).toBe(1);
    await expect.poll(() => linkage.villageRows.count()).toBeGreaterThan(5);
    const first = await linkage.villageRows.first().textContent();
    expect(first).toContain('黄山铺镇');
    await demo.page.locator('.linkage-section canvas').first().waitFor();
    await saveScreenshot(demo.page, 'linkage-towns');
    expect(await latinTextOnPage(demo.page, ['Leitai'], DATA_CODES)).toEqual([]);

    // The town's own contest says which county template it follows.
    await demo.page.goto(`${demo.server.url}/contests/${instance.id}`);
    const link = demo.page.locator('a.template-link');
    await expect.poll(() => link.textContent()).toBe(template.title);
    expect(await link.getAttribute('href')).toBe(`/contests/${template.id}`);
    expect(demo.consoleErrors).toEqual([]);
  });

  it('lets an organizer write up a practice in bold, publish it and see it on the public site', async () => {
    const contest = contests.find((c) => c.title === '基层党建重点任务擂台赛·组织建设');
    if (!contest) throw new Error('the demo has no 组织建设 contest');
    await signIn('admin');
    await demo.page.goto(`${demo.server.url}/contests/${contest.id}`);
    const practices = new PracticesTab(demo.page);
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
    await saveScreenshot(demo.page, 'practice-editor');

    await demo.page.goto(`${demo.server.url}${href}`);
    await demo.page
      .getByRole('heading', { name: '黄山铺镇：支部联建带动村级活动场所提档' })
      .waitFor();
    const bold = demo.page.locator('article.practice-body').locator('b, strong');
    expect(await bold.first().textContent()).toBe('三个月完成十八处场所改造');
    await saveScreenshot(demo.page, 'practice-public');
    expect(demo.consoleErrors).toEqual([]);
  });
});
