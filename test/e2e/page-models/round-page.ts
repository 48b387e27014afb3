// 一期擂台: state and transitions, the entry grid, the cell panel, appeals.
import type { Locator, Page } from 'playwright-core';
import { chooseOption, confirmPopover } from './contest-pages.ts';

export class RoundPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(roundId: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/rounds/${roundId}`);
    await this.page.locator('.round-steps').waitFor();
  }

  get roundId(): number {
    return Number(/\/rounds\/(\d+)/.exec(this.page.url())?.[1]);
  }

  get stateTag(): Locator {
    return this.page.locator('.page-title-row .round-state');
  }

  /** Presses a transition button and confirms it. */
  /** Moves the round on; `reason` fills the early-publication reason the notice window asks for. */
  async moveTo(button: string, expectedState: string, reason?: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    if (reason) await this.page.getByRole('textbox', { name: '提前发布的理由' }).fill(reason);
    await confirmPopover(this.page, '确定');
    await this.stateTag.filter({ hasText: expectedState }).waitFor();
  }

  async showTab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** The grid input of one unit's indicator (none where the user may not edit it). */
  cell(unit: string, indicator: string): Locator {
    return this.page.locator(`input[aria-label="${unit} ${indicator}"]`);
  }

  /** The message shown under the selected cell: a refusal (alert) or a warning (status). */
  get cellProblem(): Locator {
    return this.page.locator('.grid-problem');
  }

  get cellWarning(): Locator {
    return this.page.locator('.grid-warning');
  }

  /** The question asked before unsaved changes are left behind. */
  get unsavedDialog(): Locator {
    return this.page.getByRole('dialog', { name: '有未保存的修改' });
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: /保存（/ });
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  get toast(): Locator {
    return this.page.locator('.ant-message-notice');
  }

  get conflict(): Locator {
    return this.page.locator('.conflict-alert');
  }

  get cellPanel(): Locator {
    return this.page.getByRole('region', { name: '单元格详情' });
  }

  /** 导入表格: picks the file for the round's import; the outcome shows below the buttons. */
  async importSheet(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.locator('.sheet-import input[type="file"]').setInputFiles(file);
  }

  get importRefusal(): Locator {
    return this.page.locator('.sheet-import .ant-alert-error');
  }

  /** The report of a refused import: one row a bad cell. */
  get importReportRows(): Locator {
    return this.page.locator('.import-report tbody tr.ant-table-row');
  }

  get templateButton(): Locator {
    return this.page.getByRole('button', { name: '下载填报模板' });
  }

  async uploadEvidence(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.cellPanel.locator('input[type=file]').setInputFiles(file);
    await this.cellPanel.getByRole('link', { name: file.name }).waitFor();
  }

  /** Records a 四不两直 field check on the selected cell. */
  async recordFieldCheck(finding: string): Promise<void> {
    await this.cellPanel.getByLabel('四不两直').check();
    await this.cellPanel.getByLabel('核查情况').fill(finding);
    await this.cellPanel.getByRole('button', { name: '记录核查' }).click();
    await this.cellPanel.getByText('核查记录已保存').waitFor();
  }

  async fileAppeal(indicator: string, reason: string): Promise<void> {
    const form = this.page.locator('.appeal-form');
    await form.getByLabel('指标').click();
    await chooseOption(this.page, indicator);
    await form.getByLabel('申诉理由').fill(reason);
    await form.getByRole('button', { name: '提交申诉' }).click();
    await this.page.getByText('申诉已提交，请等待牵头科室答复。').waitFor();
  }

  appealRow(unit: string): Locator {
    return this.page.locator('.appeals-panel .ant-table-row', { hasText: unit });
  }

  /** Upholds the pending appeal of a unit with a new value. */
  async upholdAppeal(unit: string, value: string, reason: string): Promise<void> {
    await this.appealRow(unit).getByRole('button', { name: '答复' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('支持申诉，更正数据').check();
    await dialog.getByLabel('新值').fill(value);
    await dialog.getByLabel('答复理由').fill(reason);
    await dialog.getByRole('button', { name: '提交答复' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}

export class ResultsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(roundId: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/rounds/${roundId}/results`);
    await this.table.waitFor();
  }

  get table(): Locator {
    return this.page.locator('.results-table');
  }

  row(unit: string): Locator {
    return this.table.locator('.results-row', { hasText: unit });
  }

  /** The text of one column of a unit's row, by the column's header. */
  async cellText(unit: string, header: string): Promise<string> {
    const headers = await this.table.locator('thead th').allInnerTexts();
    const index = headers.findIndex((text) => text.trim().startsWith(header));
    if (index < 0) throw new Error(`no column ${header} in ${headers.join('|')}`);
    return ((await this.row(unit).locator('td').nth(index).textContent()) ?? '').trim();
  }

  statistic(title: string): Locator {
    return this.page
      .locator('.ant-statistic', { hasText: title })
      .locator('.ant-statistic-content');
  }
}

/** 更正成绩: cells picked line by line, a reason, the before/after preview, confirm. */
export class CorrectionPage {
  constructor(readonly page: Page) {}

  async pickCell(line: number, unit: string, indicator: string): Promise<void> {
    await this.page.getByLabel(`第 ${line} 项的单位`).click();
    await chooseOption(this.page, unit);
    await this.page.getByLabel(`第 ${line} 项的指标`).click();
    await chooseOption(this.page, indicator);
  }

  value(line: number): Locator {
    return this.page.getByLabel(`第 ${line} 项的新值`);
  }

  get reason(): Locator {
    return this.page.getByLabel('更正理由');
  }

  get previewRows(): Locator {
    return this.page.locator('.correction-preview .ant-table-row');
  }

  previewRow(unit: string): Locator {
    return this.previewRows.filter({ hasText: unit });
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '确认更正并发布' }).click();
    const popover = this.page.locator('.ant-popover', { hasText: '确认发布更正？' });
    // The preview table below re-lays out while the popover zooms in (and may push it out of
    // the viewport): press the button itself rather than a point on the screen.
    const ok = popover.getByRole('button', { name: '确定', exact: true });
    await ok.waitFor();
    await ok.evaluate((button: HTMLButtonElement) => button.click());
  }
}
