// Signing in: a wrong password says so, a locked account says how long to wait, and the
// signed-out are sent to sign in (and back) while public pages stay open. Needs `npm run build`
// and /usr/bin/chromium.
import { beforeEach, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import { latinTextOnPage, saveScreenshot, useDemoSite } from './support.ts';

// The browser logs every refused sign-in (401, 429) as a failed request: expected here.
const refusedSignIn = (text: string) => /status of (401|429)/.test(text);

describe('signing in', () => {
  const demo = useDemoSite();
  let login: LoginPage;

  beforeEach(() => {
    login = new LoginPage(demo.page, demo.server.url);
  });

  it('says plainly that the user name or password is wrong', async () => {
    await login.goto();
    const message = await login.failSignIn('lingdao', 'not-the-password');
    expect(message).toContain('用户名或密码错误');
    await expect(login.password.inputValue()).resolves.toBe('');
    await saveScreenshot(demo.page, 'login-wrong-password');
    expect(await latinTextOnPage(demo.page)).toEqual([]);
    expect(demo.consoleErrors.filter((text) => !refusedSignIn(text))).toEqual([]);
  });

  it('tells a locked account how long to wait', async () => {
    await login.goto();
    // Five failures lock the account (src/app/auth.ts); the sixth attempt is refused outright.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(login.failSignIn('yangzhuang', `wrong-${attempt}`)).resolves.toContain(
        '用户名或密码错误',
      );
    }
    const message = await login.failSignIn('yangzhuang', demo.passwords.yangzhuang ?? '');
    expect(message).toContain('登录失败次数过多');
    expect(message).toMatch(/请在 1[45] 分 \d{2} 秒后再试/);
    await expect(login.submitButton.isDisabled()).resolves.toBe(true);
    await saveScreenshot(demo.page, 'login-locked');
    expect(await latinTextOnPage(demo.page)).toEqual([]);
    expect(demo.consoleErrors.filter((text) => !refusedSignIn(text))).toEqual([]);
  });

  it('sends the signed-out to sign in, then back where they were going', async () => {
    if (!demo.server) throw new Error('set-up failed');
    await demo.page.goto(`${demo.server.url}/users`);
    await demo.page.waitForURL(/\/login\?next=%2Fusers/);
    await login.signIn('admin', demo.passwords.admin ?? '', /\/users$/);
    await demo.page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();

    // The header names the user, the unit and the roles; signing out ends the session.
    await demo.page.locator('.user-menu-button').click();
    await demo.page.locator('.user-menu-card').getByText('系统管理员').waitFor();
    await expect(demo.page.locator('.user-menu-card').textContent()).resolves.toContain('沂水县');
    await login.signOut();
    // The sign-in page, perhaps offering to come back to the page just left.
    expect(new URL(demo.page.url()).search).toMatch(/^(\?next=%2Fusers)?$/);
    await demo.page.goto(`${demo.server.url}/workbench`);
    await demo.page.waitForURL(/\/login\?next=%2Fworkbench/);
    expect(demo.consoleErrors).toEqual([]);
  });

  it('keeps public pages open to the signed-out, with no request that fails', async () => {
    if (!demo.server) throw new Error('set-up failed');
    for (const path of ['/flags', '/units/371323']) {
      await demo.page.goto(`${demo.server.url}${path}`);
      await demo.page.getByRole('heading', { level: 1 }).waitFor();
      expect(demo.page.url()).toContain(path);
    }
    await demo.page.getByRole('button', { name: '登录' }).waitFor();
    // A reporter sees neither users nor the audit log in the menu.
    await expect(demo.page.getByRole('link', { name: '用户' }).count()).resolves.toBe(0);
    expect(demo.consoleErrors).toEqual([]);
    // Contests unpublished in part are for signed-in staff; the public reads /public (issue 12).
    await demo.page.goto(`${demo.server.url}/contests`);
    await demo.page.waitForURL(/\/login\?next=%2Fcontests/);
    await demo.page.goto(`${demo.server.url}/`);
    await demo.page.waitForURL(/\/public$/);
  });

  it('shows a reporter only what a reporter uses', async () => {
    await login.goto();
    await login.signIn('huangshanpu', demo.passwords.huangshanpu ?? '');
    await demo.page
      .getByText('填报本单位数据')
      .or(demo.page.getByText('暂无待办事项'))
      .first()
      .waitFor();
    await expect(demo.page.getByRole('link', { name: '审计日志' }).count()).resolves.toBe(0);
    if (!demo.server) throw new Error('set-up failed');
    await demo.page.goto(`${demo.server.url}/audit`);
    await demo.page.getByText('没有访问权限').waitFor();
    expect(demo.consoleErrors).toEqual([]);
  });
});
