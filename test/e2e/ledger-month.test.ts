// A unit's month in the project ledger, in a real browser (issue 15): 黄山铺镇's reporter reports
// this month's completed investment on its project's page; a problem of that project goes round
// the closed loop on the 督办 board — the town replies there, the county confirms and closes it
// (销号). Screenshots at 1440 and 390 px. Needs `npm run build` and /usr/bin/chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import {
  ApiClient,
  demoPasswords,
  lastLine,
  launchBrowser,
  makeTempDir,
  newContext,
  type RunningServer,
  runCli,
  saveScreenshot,
  startServer,
  type TempDir,
} from './support.ts';

const HUANGSHANPU = '371323104';

describe('a unit’s month in the project ledger', () => {
  let data: TempDir | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let api: ApiClient;
  let passwords: Record<string, string>;
  const contexts: BrowserContext[] = [];
  let project: { id: number; name: string } | undefined;
  let problemTitle = '';
  let amount = 0;

  beforeAll(async () => {
    data = makeTempDir();
    passwords = demoPasswords((await runCli(['demo', '--data', data.dir])).stdout);
    const token = lastLine(
      (await runCli(['token', 'create', '--user', 'admin', '--data', data.dir])).stdout,
    );
    server = await startServer(data.dir);
    api = new ApiClient(server.url, token);
    browser = await launchBrowser();
    const list = await api.call<{ items: { id: number; name: string; state: string }[] }>(
      'GET',
      `/projects?unit=${HUANGSHANPU}&state=active&limit=5`,
    );
    // A project with a plan this month (the completed figure is checked against 10× of it).
    const month = new Date().toISOString().slice(0, 7);
    for (const item of list.items) {
      const detail = await api.call<{ investments: { month: string; planned: number | null }[] }>(
        'GET',
        `/projects/${item.id}`,
      );
      const planned = detail.investments.find((i) => i.month === month)?.planned ?? 0;
      if (planned > 0) {
        project = { id: item.id, name: item.name };
        amount = Math.max(1, Math.round(planned * 0.9));
        break;
      }
    }
    if (!project) {
      // None planned this month: the county (admin plans within its subtree) sets one.
      project = list.items[0]!;
      await api.call('PUT', `/projects/${project!.id}/investments`, [{ month, planned: 500 }]);
      amount = 450;
    }
  }, 180_000);

  // A failed step leaves a picture of every open page.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [i, c] of contexts.entries()) {
      for (const page of c.pages())
        await saveScreenshot(page, `ledger-failed-${i}`).catch(() => {});
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    data?.remove();
  });

  async function signIn(username: string, width = 1440): Promise<Page> {
    if (!browser || !server) throw new Error('set-up failed');
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const login = new LoginPage(page, server.url);
    await login.goto();
    await login.signIn(username, passwords[username] ?? '');
    return page;
  }

  it('the town reports this month’s completed investment on its project’s page', async () => {
    const page = await signIn('huangshanpu');
    await page.goto(`${server!.url}/projects/${project!.id}`);
    await page.getByRole('heading', { name: project!.name }).waitFor();
    const input = page.getByLabel('完成投资');
    await input.fill(String(amount));
    const saved = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/projects/${project!.id}/investments`) && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: '报送' }).click();
    expect((await saved).status()).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    await expect
      .poll(async () => {
        const stored = await api.call<{
          investments: { month: string; completed: number | null }[];
        }>('GET', `/projects/${project!.id}`);
        return stored.investments.find((i) => i.month === month)?.completed;
      })
      .toBe(amount);
    await saveScreenshot(page, 'ledger-project-1440');
  }, 180_000);

  it('closes a problem through the loop on the 督办 board: reply, confirm, 销号', async () => {
    problemTitle = `用地指标协调${Date.now() % 10000}`;
    const raised = await api.call<{ id: number }>('POST', `/projects/${project!.id}/problems`, {
      title: problemTitle,
    });
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await api.call('POST', `/problems/${raised.id}/actions`, {
      action: 'assign',
      ownerUnit: HUANGSHANPU,
      deadline,
    });

    const town = await signIn('huangshanpu', 390);
    await town.goto(`${server!.url}/problems`);
    await town.getByText('未销号', { exact: true }).click();
    const row = town.locator('tr', { hasText: problemTitle });
    await row.getByLabel('答复内容').fill('已协调自然资源部门落实用地指标');
    const replied = town.waitForResponse((r) => r.url().endsWith(`/problems/${raised.id}/actions`));
    await row.getByRole('button', { name: '答复' }).click();
    expect((await replied).status()).toBe(200);
    await town.reload();
    await town.getByText('未销号', { exact: true }).click({ timeout: 30_000 });
    await row.getByRole('button', { name: '确认' }).waitFor({ timeout: 30_000 });
    await saveScreenshot(town, 'ledger-board-390');
    // The town may not confirm its own reply: the county does.
    const refused = town.waitForResponse((r) => r.url().endsWith(`/problems/${raised.id}/actions`));
    await row.getByRole('button', { name: '确认' }).click();
    expect((await refused).status()).toBe(403);

    const county = await signIn('admin');
    await county.goto(`${server!.url}/problems`);
    await county.getByText('未销号', { exact: true }).click();
    const line = county.locator('tr', { hasText: problemTitle });
    // The county sees every open problem: page through the board to this one.
    await county.locator('.ant-table-row').first().waitFor();
    for (let n = 0; n < 20 && (await line.count()) === 0; n++) {
      await county.locator('.ant-pagination-next').click();
      await county.locator('.ant-table-row').first().waitFor();
    }
    const confirmed = county.waitForResponse((r) =>
      r.url().endsWith(`/problems/${raised.id}/actions`),
    );
    await line.getByRole('button', { name: '确认' }).click();
    expect((await confirmed).status()).toBe(200);
    const closed = county.waitForResponse((r) =>
      r.url().endsWith(`/problems/${raised.id}/actions`),
    );
    await line.getByRole('button', { name: '销号' }).click();
    expect((await closed).status()).toBe(200);
    await saveScreenshot(county, 'ledger-board-1440');
    await expect
      .poll(async () => {
        const all = await api.call<{
          items: { id: number; state: string; steps: { action: string }[] }[];
        }>('GET', `/problems?project=${project!.id}`);
        const p = all.items.find((x) => x.id === raised.id);
        return p ? [p.state, p.steps.map((s) => s.action).join(',')] : null;
      })
      .toEqual(['closed', 'raise,assign,reply,confirm,close']);
  }, 240_000);

  it('the county shows a project on the public site, its investment only once shown too', async () => {
    await api.call('PATCH', `/projects/${project!.id}`, {
      published: false,
      publishInvestment: false,
    });
    const county = await signIn('admin');
    await county.goto(`${server!.url}/projects/${project!.id}`);
    const shown = county.getByRole('switch', { name: '在公开网站展示本项目' });
    const money = county.getByRole('switch', { name: '同时公开投资数据' });
    await expect.poll(() => money.isDisabled(), { timeout: 30_000 }).toBe(true);
    const published = county.waitForResponse(
      (r) => r.url().endsWith(`/projects/${project!.id}`) && r.request().method() === 'PATCH',
    );
    await shown.click();
    expect((await published).status()).toBe(200);
    await expect.poll(() => shown.getAttribute('aria-checked'), { timeout: 30_000 }).toBe('true');

    // Anyone, on a phone: the project is listed, with no investment figures yet.
    const visitor = await newContext(browser!);
    contexts.push(visitor);
    const phone = await visitor.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server!.url}/public/projects`);
    const card = phone.locator('.public-project', { hasText: project!.name });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.textContent()).not.toContain('总投资');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await saveScreenshot(phone, 'ledger-public-390');

    const withMoney = county.waitForResponse(
      (r) => r.url().endsWith(`/projects/${project!.id}`) && r.request().method() === 'PATCH',
    );
    await money.click();
    expect((await withMoney).status()).toBe(200);
    await phone.reload();
    await expect
      .poll(async () => (await card.textContent({ timeout: 30_000 })) ?? '', { timeout: 30_000 })
      .toContain('总投资');
    const wide = await visitor.newPage();
    await wide.setViewportSize({ width: 1440, height: 900 });
    await wide.goto(`${server!.url}/public/projects`);
    await wide.locator('.public-project').first().waitFor();
    await wide.locator('canvas').first().waitFor();
    await saveScreenshot(wide, 'ledger-public-1440');
  }, 240_000);
});
