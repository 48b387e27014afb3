// 组织机构 in a real browser against a real server on the demo county (needs `npm run build`
// and /usr/bin/chromium).
import { beforeEach, describe, expect, it } from 'vitest';
import { OrgPage } from './page-models/org-page.ts';
import { latinTextOnPage, saveScreenshot, useDemoSite } from './support.ts';

describe('组织机构 page', () => {
  const demo = useDemoSite();
  let org: OrgPage;

  beforeEach(() => {
    org = new OrgPage(demo.page, demo.server.url);
  });

  it('finds 黄山铺镇 by name, opens it and lists its villages', async () => {
    await org.goto();
    expect(await org.heading.textContent()).toBe('组织机构');
    // The lone province and city open by themselves down to the county's towns.
    await org.treeNode('黄山铺镇').waitFor();

    await org.search('黄山铺镇');
    const result = org.searchResult('黄山铺镇');
    await expect(result.textContent()).resolves.toContain('山东省 › 临沂市 › 沂水县 › 黄山铺镇');

    await org.openSearchResult('黄山铺镇');
    expect(demo.page.url()).toContain('/units/371323104');
    await expect(org.breadcrumb.textContent()).resolves.toMatch(/沂水县\s*›\s*黄山铺镇/);
    await expect(org.detail('单位编码').textContent()).resolves.toBe('371323104');
    await expect(org.detail('单位类型').textContent()).resolves.toBe('镇');
    await expect(org.detail('状态').textContent()).resolves.toBe('启用');

    const villages = await org.childNames();
    expect(villages).toContain('尧崖头村');
    expect(villages.every((name) => name.endsWith('村') || name.endsWith('社区'))).toBe(true);

    await saveScreenshot(demo.page, 'org-page');
    expect(await latinTextOnPage(demo.page)).toEqual([]);
    expect(demo.consoleErrors).toEqual([]);
  });

  it('opens a village from the table and climbs back through the breadcrumb', async () => {
    await org.goto('371323104');
    await org.openChild('尧崖头村');
    expect(demo.page.url()).toContain('/units/371323104276');
    await expect(org.detail('单位类型').textContent()).resolves.toBe('村');
    await expect(org.page.locator('.unit-children').textContent()).resolves.toContain(
      '该单位没有下级单位',
    );

    await org.breadcrumb.getByRole('link', { name: '沂水县' }).click();
    await org.unitTitle('沂水县').waitFor();
    await expect(org.detail('单位类型').textContent()).resolves.toBe('县/区');
    expect(await org.childNames()).toContain('县委组织部');
    expect(demo.consoleErrors).toEqual([]);
  });

  it('can be used with the keyboard alone', async () => {
    await org.goto();
    await org.searchBox.focus();
    await demo.page.keyboard.type('尧崖头');
    await demo.page.waitForURL((url) => url.searchParams.get('q') === '尧崖头');
    await org.searchSummary.waitFor();
    await demo.page.keyboard.press('ArrowDown');
    await expect(
      demo.page.evaluate(() => document.activeElement?.getAttribute('data-unit-code')),
    ).resolves.toBe('371323104276');
    await demo.page.keyboard.press('Enter');
    await org.unitTitle('尧崖头村').waitFor();

    // Back to the tree: Home goes to the first unit, Enter opens it.
    await org.searchBox.fill('');
    await org.tree.focus();
    await demo.page.keyboard.press('Home');
    await demo.page.keyboard.press('Enter');
    await org.unitTitle('山东省').waitFor();
    expect(demo.consoleErrors).toEqual([]);
  });

  it('says so when a unit does not exist', async () => {
    await org.goto('999999999999');
    await demo.page.getByText('该单位不存在或已被删除。').waitFor();
    expect(demo.consoleErrors.filter((text) => !text.includes('404'))).toEqual([]);
  });

  it('switches to English and keeps the choice', async () => {
    await org.goto('371323104');
    await org.chooseLanguage('English');
    // React renders the new language just after the page's lang changes: wait for the text.
    await org.heading.filter({ hasText: /^Organisation$/ }).waitFor();
    await org
      .detail('Kind')
      .filter({ hasText: /^Town$/ })
      .waitFor();
    await demo.page.reload();
    await org.waitForLanguage('en');
    await org.heading.filter({ hasText: /^Organisation$/ }).waitFor();
    await expect(demo.page.locator('html').getAttribute('lang')).resolves.toBe('en');

    await org.chooseLanguage('简体中文');
    await org.heading.filter({ hasText: /^组织机构$/ }).waitFor();
    expect(demo.consoleErrors).toEqual([]);
  });
});
