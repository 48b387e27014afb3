// 综合考核, 三级联动 (各镇对比) and 经验做法: the pages and tabs of the yearly composite and the
// county templates.
import type { Locator, Page } from 'playwright-core';

export class AssessmentPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(id: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/assessments/${id}`);
    await this.rows.first().waitFor();
  }

  /** The ranking's unit rows (not the expanded explanations). */
  get rows(): Locator {
    return this.page.locator('.assessment-table tr.assessment-row');
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  get gradeTags(): Locator {
    return this.page.locator('.assessment-table .assessment-grade');
  }

  get chartCanvas(): Locator {
    return this.page.locator('.ant-card').filter({ hasText: '各单位得分构成' }).locator('canvas');
  }

  /** Expands a unit's explanation and returns it. */
  async explain(name: string): Promise<Locator> {
    await this.row(name).locator('.ant-table-row-expand-icon').click();
    const explanation = this.page.locator('.assessment-explanation').filter({
      has: this.page.getByRole('heading', { name: `${name}的得分说明` }),
    });
    await explanation.waitFor();
    return explanation;
  }
}

export class LinkageTab {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: '各镇对比' }).click();
    await this.townRows.first().waitFor();
  }

  get townRows(): Locator {
    return this.page.locator('.linkage-towns tr.ant-table-row');
  }

  get villageRows(): Locator {
    return this.page.locator('.linkage-villages tr.ant-table-row');
  }
}

export class PracticesTab {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: '经验做法' }).click();
    await this.page.getByRole('button', { name: '撰写经验做法' }).waitFor();
  }

  get drawer(): Locator {
    return this.page.locator('.ant-drawer-section');
  }

  get editor(): Locator {
    return this.drawer.getByRole('textbox', { name: '正文编辑区' });
  }

  /** Writes a practice whose text holds `plain` then `bold` in bold, and saves it. */
  async write(input: { unit: string; title: string; plain: string; bold: string }) {
    await this.page.getByRole('button', { name: '撰写经验做法' }).click();
    await this.drawer.getByLabel('先进单位').click();
    await this.page.keyboard.type(input.unit);
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: input.unit })
      .first()
      .click();
    await this.drawer.getByLabel('标题').fill(input.title);
    await this.editor.click();
    await this.page.keyboard.type(input.plain);
    await this.drawer.getByRole('button', { name: '加粗' }).click();
    await this.page.keyboard.type(input.bold);
    await this.drawer.getByRole('button', { name: '保存' }).click();
    await this.drawer.locator('.practice-saved').waitFor();
  }

  /** The saved (sanitised) text shown after saving. */
  get savedBody(): Locator {
    return this.drawer.locator('.practice-saved .practice-body');
  }

  async publishFromDrawer(): Promise<void> {
    await this.drawer.getByRole('button', { name: '公开展示' }).click();
    await this.drawer.getByText('已公开', { exact: true }).waitFor();
  }
}
