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
