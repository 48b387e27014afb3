// Signing in: a wrong password says so, a locked account says how long to wait, and the
// signed-out are sent to sign in (and back) while public pages stay open. Needs `npm run build`
// and /usr/bin/chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import {
  collectConsoleErrors,
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

// The browser logs every refused sign-in (401, 429) as a failed request: expected here.
const refusedSignIn = (text: string) => /status of (401|429)/.test(text);

describe('signing in', () => {
  let data: TempDir | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let passwords: Record<string, string>;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  let login: LoginPage;

  beforeAll(async () => {
    data = makeTempDir();
    passwords = demoPasswords((await runCli(['demo', '--data', data.dir])).stdout);
    server = await startServer(data.dir);
    browser = await launchBrowser();
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
    login = new LoginPage(page, server.url);
  });

  afterEach(async () => {
    await context.close();
  });

  it('says plainly that the user name or password is wrong', async () => {
    await login.goto();
    const message = await login.failSignIn('lingdao', 'not-the-password');
    expect(message).toContain('用户名或密码错误');
    await expect(login.password.inputValue()).resolves.toBe('');
    await saveScreenshot(page, 'login-wrong-password');
    expect(await latinTextOnPage(page)).toEqual([]);
    expect(consoleErrors.filter((text) => !refusedSignIn(text))).toEqual([]);
  });

  it('tells a locked account how long to wait', async () => {
    await login.goto();
    // Five failures lock the account (src/app/auth.ts); the sixth attempt is refused outright.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(login.failSignIn('yangzhuang', `wrong-${attempt}`)).resolves.toContain(
        '用户名或密码错误',
      );
    }
    const message = await login.failSignIn('yangzhuang', passwords.yangzhuang ?? '');
    expect(message).toContain('登录失败次数过多');
    expect(message).toMatch(/请在 1[45] 分 \d{2} 秒后再试/);
    await expect(login.submitButton.isDisabled()).resolves.toBe(true);
    await saveScreenshot(page, 'login-locked');
    expect(await latinTextOnPage(page)).toEqual([]);
    expect(consoleErrors.filter((text) => !refusedSignIn(text))).toEqual([]);
  });

  it('sends the signed-out to sign in, then back where they were going', async () => {
    if (!server) throw new Error('set-up failed');
    await page.goto(`${server.url}/users`);
    await page.waitForURL(/\/login\?next=%2Fusers/);
    await login.signIn('admin', passwords.admin ?? '', /\/users$/);
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();

    // The header names the user, the unit and the roles; signing out ends the session.
    await page.locator('.user-menu-button').click();
    await page.locator('.user-menu-card').getByText('系统管理员').waitFor();
    await expect(page.locator('.user-menu-card').textContent()).resolves.toContain('沂水县');
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    // The sign-in page, perhaps offering to come back to the page just left.
    await page.waitForURL(/\/login(\?next=%2Fusers)?$/);
    await page.goto(`${server.url}/workbench`);
    await page.waitForURL(/\/login\?next=%2Fworkbench/);
    expect(consoleErrors).toEqual([]);
  });

  it('keeps public pages open to the signed-out, with no request that fails', async () => {
    if (!server) throw new Error('set-up failed');
    for (const path of ['/contests', '/flags', '/units/371323']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(page.url()).toContain(path);
    }
    await page.getByRole('button', { name: '登录' }).waitFor();
    // A reporter sees neither users nor the audit log in the menu.
    await expect(page.getByRole('link', { name: '用户' }).count()).resolves.toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('shows a reporter only what a reporter uses', async () => {
    await login.goto();
    await login.signIn('huangshanpu', passwords.huangshanpu ?? '');
    await page.getByText('填报本单位数据').or(page.getByText('暂无待办事项')).first().waitFor();
    await expect(page.getByRole('link', { name: '审计日志' }).count()).resolves.toBe(0);
    if (!server) throw new Error('set-up failed');
    await page.goto(`${server.url}/audit`);
    await page.getByText('没有访问权限').waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
