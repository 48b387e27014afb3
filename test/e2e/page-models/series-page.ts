// 擂台赛系列: one series' month — its rounds, the tallies, the 通报, and the bulk steps with their
// preview.
import type { Download, Locator, Page } from 'playwright-core';

export type BulkStep = '一键开擂' | '截止填报转审核' | '一键进入公示' | '一键发布';

export class SeriesPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(id: number, period: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/series/${id}?period=${period}`);
    await this.rows.first().waitFor();
  }

  get rows(): Locator {
    return this.page.locator('.series-rounds tbody tr.ant-table-row');
  }

  /** Each member contest's round state as shown (已发布, 未开擂 …). */
  async states(): Promise<string[]> {
    return (await this.page.locator('.series-rounds .series-round-state').allInnerTexts()).map(
      (s) => s.trim(),
    );
  }

  get modal(): Locator {
    return this.page.locator('.bulk-modal');
  }

  /**
   * Opens a bulk step's dialog (which previews at once), or previews again in the open one;
   * returns the preview's lines.
   */
  async preview(step: BulkStep): Promise<Locator> {
    const answered = this.page.waitForResponse(
      (r) => r.url().includes('/api/v1/series/') && r.request().method() === 'POST',
    );
    if (await this.modal.isVisible()) {
      await this.modal.getByRole('button', { name: /预览变化|重新预览/ }).click();
    } else {
      await this.page.locator('.series-bulk').getByRole('button', { name: step }).click();
    }
    await answered;
    await this.modal.locator('.bulk-summary').waitFor();
    return this.modal.locator('.bulk-preview tbody tr.bulk-row');
  }

  get summary(): Locator {
    return this.modal.locator('.bulk-summary');
  }

  get confirmButton(): Locator {
    return this.modal.locator('.bulk-confirm');
  }

  /** Confirms the previewed step and waits for the dialog to close. */
  async confirm(): Promise<void> {
    await this.confirmButton.click();
    await this.modal.waitFor({ state: 'detached' });
  }

  tally(which: 'period' | 'year', color: 'red' | 'yellow'): Locator {
    const card = this.page.locator('.series-tally').nth(which === 'period' ? 0 : 1);
    return card.locator(`[data-testid="tally-${color}-units"] strong`);
  }

  async downloadBulletin(): Promise<Download> {
    const [download] = await Promise.all([
      // The 通报 of ten contests is written on request: allow a busy machine its time.
      this.page.waitForEvent('download', { timeout: 90_000 }),
      this.page.locator('.series-bulletin').click(),
    ]);
    return download;
  }
}
