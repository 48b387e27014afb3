// The public site and the reporter's pages on a 390 px phone (issue 14, item 11): nothing wider
// than the screen, the public menu folded behind a button. Screenshots in test-output/e2e.
// Needs `npm run build` and /usr/bin/chromium.
import { beforeEach, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import { saveScreenshot, useDemoSite } from './support.ts';

const PHONE = { width: 390, height: 844 };

describe('on a 390 px phone', { timeout: 180_000 }, () => {
  const demo = useDemoSite();
  beforeEach(async () => {
    demo.page.setDefaultTimeout(45_000);
    await demo.page.setViewportSize(PHONE);
  });

  /** How far the page scrolls sideways, and the first elements that stick out. */
  async function overflow() {
    return demo.page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((el) => !el.closest('.grid-scroll, .ant-table-content, .ant-table-body'))
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}`);
      return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, wide };
    });
  }

  async function expectNoSidewaysScroll(name: string) {
    await saveScreenshot(demo.page, `phone-${name}`);
    const o = await overflow();
    expect(o.scrollWidth, `${name} scrolls sideways: ${o.wide.join(', ')}`).toBeLessThanOrEqual(
      o.innerWidth,
    );
  }

  it('the public pages fit, with the menu behind a button', async () => {
    await demo.page.goto(`${demo.server.url}/public`);
    await demo.page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(demo.page.getByRole('link', { name: '红旗榜' }).isVisible()).resolves.toBe(false);
    await expectNoSidewaysScroll('public-home');
    await demo.page.getByRole('button', { name: '菜单' }).click();
    await demo.page.getByRole('link', { name: '红旗榜' }).click();
    await demo.page.waitForURL(/\/public\/flags$/);
    await demo.page.locator('canvas').first().waitFor();
    await expectNoSidewaysScroll('public-flags');
    await demo.page.goto(`${demo.server.url}/public/practices`);
    await demo.page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectNoSidewaysScroll('public-practices');
  });

  it('the reporter’s workbench and round page fit', async () => {
    const login = new LoginPage(demo.page, demo.server.url);
    await login.goto();
    await expectNoSidewaysScroll('login');
    await login.signIn('huangshanpu', demo.passwords.huangshanpu ?? '');
    await demo.page.getByRole('button', { name: '去处理' }).first().waitFor();
    await expectNoSidewaysScroll('workbench-reporter');
    await demo.page.getByRole('button', { name: '去处理' }).first().click();
    await demo.page.locator('.round-steps').waitFor();
    await expectNoSidewaysScroll('round-reporter');
  });
});
