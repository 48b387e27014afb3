// The public site (公开展示) and the big screen (大屏): no sign-in.
import type { Locator, Page } from 'playwright-core';

export class PublicSite {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async gotoContests(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/public`);
    await this.page.locator('.public-contest-card').first().waitFor();
  }

  /** A contest's card on the home page, by its title. */
  contestCard(title: string): Locator {
    return this.page.locator('.public-contest-card').filter({ hasText: title });
  }

  async gotoRound(roundId: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/public/rounds/${roundId}`);
    await this.rankingRows.first().waitFor();
  }

  get rankingRows(): Locator {
    return this.page.locator('.results-table tbody tr.results-row');
  }

  /** The 红旗 / 黄旗 tags of the ranking. */
  flagTags(kind: '红旗' | '黄旗'): Locator {
    return this.page.locator('.results-table .flag-badge').filter({ hasText: kind });
  }

  /** 单项排名: the rank beside each indicator's score. */
  get singleRanks(): Locator {
    return this.page.locator('.results-table .single-rank');
  }

  get chartCanvas(): Locator {
    return this.page.locator('canvas');
  }

  get chartCard(): Locator {
    return this.page.locator('.ant-card').filter({ hasText: '总分一览' });
  }

  async gotoFlags(year: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/public/flags?year=${year}`);
    await this.page.locator('.ant-table-row').first().waitFor();
  }

  async gotoPractices(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/public/practices`);
    await this.page.locator('.page-header h1').waitFor();
  }

  async gotoUnit(code: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/public/units/${code}`);
    await this.page.locator('.ant-table-row').first().waitFor();
  }
}

export class BigScreen {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/screen`);
    await this.page.locator('.screen-slide').waitFor();
  }

  get slideTitle(): Locator {
    return this.page.locator('.screen-slide-title');
  }

  get flags(): Locator {
    return this.page.locator('.screen-flag');
  }

  get canvas(): Locator {
    return this.page.locator('.screen canvas');
  }

  /** Jumps to slide n (1-based) with the dots at the bottom. */
  async showSlide(n: number): Promise<void> {
    await this.page.getByRole('button', { name: `第 ${n} 页`, exact: true }).click();
  }

  get dots(): Locator {
    return this.page.locator('.screen-dots button');
  }
}
