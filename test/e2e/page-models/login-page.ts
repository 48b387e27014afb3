// 登录: the sign-in form and the messages it gives.
import type { Locator, Page } from 'playwright-core';

export class LoginPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(next?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    await this.submitButton.waitFor();
  }

  get username(): Locator {
    return this.page.getByLabel('用户名');
  }

  get password(): Locator {
    return this.page.getByLabel('密码', { exact: true });
  }

  get submitButton(): Locator {
    return this.page.locator('.login-card button[type="submit"]');
  }

  /** The error shown above the form. */
  get alert(): Locator {
    return this.page.locator('.login-card [role="alert"]');
  }

  async fill(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
  }

  /** Signs in and waits to land on the workbench (or the page asked for). */
  async signIn(username: string, password: string, landing = /\/workbench/): Promise<void> {
    await this.fill(username, password);
    await this.submitButton.click();
    await this.page.waitForURL(landing);
  }

  /**
   * Signs out through the header's user menu and waits for the sign-in page. A click that lands
   * while the menu is still opening can miss (seen once on a busy machine: the page stayed where
   * it was): the menu is opened and the item clicked again while the page has not left.
   */
  async signOut(): Promise<void> {
    const item = this.page.getByRole('menuitem', { name: '退出登录' });
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!(await item.isVisible())) await this.page.locator('.user-menu-button').click();
      await item.click({ timeout: 5_000 }).catch(() => undefined);
      const left = await this.page
        .waitForURL(/\/login(\?|$)/, { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (left) return;
    }
    throw new Error(`signing out did not reach the sign-in page (at ${this.page.url()})`);
  }

  /** Submits and waits for the error message. */
  async failSignIn(username: string, password: string): Promise<string> {
    await this.fill(username, password);
    const answered = this.page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/session') && response.request().method() === 'POST',
    );
    await this.submitButton.click();
    await answered;
    await this.alert.waitFor();
    return ((await this.alert.textContent()) ?? '').trim();
  }
}
