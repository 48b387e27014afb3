// The 组织机构 page as a user sees it: tests say what they do ("search 黄山铺镇, open it"),
// the selectors live here.
import type { Locator, Page } from 'playwright-core';

export class OrgPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens the page, or the page of one unit when a code is given. */
  async goto(code?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/units${code ? `/${encodeURIComponent(code)}` : ''}`);
    await this.heading.waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox');
  }

  get tree(): Locator {
    return this.page.getByRole('tree');
  }

  treeNode(name: string): Locator {
    return this.tree.getByRole('treeitem').filter({ hasText: name });
  }

  get searchResults(): Locator {
    return this.page.locator('a[data-unit-code]');
  }

  /** The search result of the unit with this exact name. */
  searchResult(name: string): Locator {
    return this.searchResults.filter({
      has: this.page.locator('.unit-search-result-name', { hasText: new RegExp(`^${name}$`) }),
    });
  }

  get searchSummary(): Locator {
    return this.page.locator('.unit-search-summary');
  }

  /** Types into the search box and waits until its results (or "none found") show. */
  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    // The search settles into the address after a pause; then its results load.
    await this.page.waitForURL((url) => url.searchParams.get('q') === text.trim());
    await this.searchSummary.or(this.page.locator('.units-panel .ant-empty')).first().waitFor();
  }

  /** Opens a search result and waits for its details. */
  async openSearchResult(name: string): Promise<void> {
    await this.searchResult(name).click();
    await this.unitTitle(name).waitFor();
  }

  /** The h2 naming the unit on the right. */
  unitTitle(name?: string): Locator {
    const title = this.page.locator('#unit-detail-name');
    return name ? title.filter({ hasText: new RegExp(`^${name}$`) }) : title;
  }

  get breadcrumb(): Locator {
    return this.page.getByRole('navigation', { name: '所属层级' });
  }

  /** The value of one row of the details (单位编码, 单位类型 …). */
  detail(label: string): Locator {
    return this.page
      .locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::*[1]');
  }

  get childrenTable(): Locator {
    return this.page.locator('.unit-children table');
  }

  /** Names in the children table, once it has loaded. */
  async childNames(): Promise<string[]> {
    const rows = this.page.locator('.unit-children .ant-table-row');
    await rows.first().waitFor();
    await this.page.locator('.unit-children .ant-spin-blur').waitFor({ state: 'detached' });
    return rows.locator('td:nth-child(2)').allInnerTexts();
  }

  async openChild(name: string): Promise<void> {
    await this.page
      .locator('.unit-children .ant-table-row')
      .getByRole('link', { name, exact: true })
      .click();
    await this.unitTitle(name).waitFor();
  }

  async chooseLanguage(label: '简体中文' | 'English'): Promise<void> {
    await this.page.locator('.language-switch').click();
    await this.page.getByRole('menuitem', { name: label }).click();
    await this.waitForLanguage(label === 'English' ? 'en' : 'zh-CN');
  }

  /** English text arrives after a download: waits until the page has switched to it. */
  async waitForLanguage(lang: 'en' | 'zh-CN'): Promise<void> {
    await this.page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  }
}
