// 擂台/榜单: the list, the new-contest form, the rubric editor and one contest's page.
import type { Locator, Page } from 'playwright-core';

/** Picks an option of an open antd Select (or AutoComplete) by its text. */
export async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first();
  // A click that lands while the list is still sliding in can miss (seen on a busy machine: the
  // form then said nothing was chosen). Click again until the list has closed (one choice) or the
  // option shows as chosen (several).
  for (let attempt = 0; attempt < 4; attempt++) {
    await option.click({ timeout: attempt === 0 ? 30_000 : 2_000 }).catch(() => undefined);
    for (let waited = 0; waited < 1_500; waited += 100) {
      if ((await option.count()) === 0) return;
      const classes = await option.getAttribute('class', { timeout: 500 }).catch(() => null);
      if (classes?.includes('ant-select-item-option-selected')) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`the option ${String(text)} could not be chosen`);
}

/** Confirms the open Popconfirm with its OK button. */
export async function confirmPopover(page: Page, okText: string): Promise<void> {
  const popover = page.locator('.ant-popover:not(.ant-popover-hidden)');
  const ok = popover.getByRole('button', { name: okText, exact: true });
  // A click that lands while the popover is still zooming in can miss: try again, but only
  // while the button is still there (a popover fading out after a click that worked is not).
  await ok.click();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await popover.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch {
      await ok.click({ timeout: 2_000 }).catch(() => undefined);
    }
  }
  throw new Error(`the confirmation ${okText} did not close`);
}

export class ContestsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/contests`);
    await this.page.getByRole('heading', { level: 1, name: '擂台/榜单' }).waitFor();
  }

  category(name: string): Locator {
    return this.page.locator('.contest-category', {
      has: this.page.getByRole('heading', { level: 2, name }),
    });
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: '新建擂台赛' }).click();
    await this.page.getByRole('heading', { level: 1, name: '新建擂台赛' }).waitFor();
  }
}

export interface NewContest {
  title: string;
  category: string;
  /** Lead offices: indicator code → text to search the unit by (its name). */
  leads: Record<string, string>;
}

export class ContestFormPage {
  constructor(readonly page: Page) {}

  /** Fills the form (participants: the default rule, the county's streets, towns and townships). */
  async fill(contest: NewContest): Promise<void> {
    await this.page.getByLabel('擂台赛名称').fill(contest.title);
    const category = this.page.getByLabel('类别', { exact: true });
    await category.fill(contest.category);
    await this.page.keyboard.press('Escape');
    let row = 1;
    for (const [code, unit] of Object.entries(contest.leads)) {
      if (row > 1) await this.page.getByRole('button', { name: '添加牵头科室' }).click();
      await this.page.getByLabel(`第 ${row} 行指标编码`).fill(code);
      const picker = this.page.getByLabel(`第 ${row} 行牵头责任科室`);
      await picker.click();
      await picker.fill(unit);
      await chooseOption(this.page, unit);
      await this.page.keyboard.press('Escape');
      row += 1;
    }
  }

  /** Creates the contest and waits for the rubric editor it leads to. */
  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '创建并编写评分标准' }).click();
    await this.page.getByRole('heading', { level: 1, name: '编辑评分标准' }).waitFor();
  }
}

export class RubricEditorPage {
  constructor(readonly page: Page) {}

  get source(): Locator {
    return this.page.getByLabel('评分标准原文');
  }

  get status(): Locator {
    return this.page.locator('.rubric-status');
  }

  get problems(): Locator {
    return this.page.getByRole('list', { name: '问题列表' }).getByRole('listitem');
  }

  /** Shows the raw text (原文（高级）) instead of the form. */
  async showText(): Promise<void> {
    await this.page.getByRole('tab', { name: '原文（高级）' }).click();
    await this.source.waitFor();
  }

  /** Shows the form (表单编辑), the editor's first view. */
  async showForm(): Promise<void> {
    await this.page.getByRole('tab', { name: '表单编辑' }).click();
  }

  /** A field of the form by its label: 第 3 行满分, 红旗前几名, 最少参评单位数 …. */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Replaces the text and waits for the live check to settle on it. */
  async write(yaml: string): Promise<void> {
    if (!(await this.source.isVisible())) await this.showText();
    await this.source.fill(yaml);
    // The check runs once the text has rested; the status is aria-busy until it has.
    await this.page.locator('.rubric-status[aria-busy="false"]').waitFor();
  }

  get preview(): Locator {
    return this.page.locator('.rubric-preview-card');
  }

  /** Publishes through the confirmation and waits for the contest's page, where publishing leads. */
  async publish(): Promise<void> {
    const button = this.page.getByRole('button', { name: '发布', exact: true }).first();
    const confirm = this.page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
    const ok = confirm.getByRole('button', { name: '发布', exact: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      // The confirmation can miss a click that lands while the page re-renders on a busy
      // machine: click until it shows (a click on an open one would close it, hence the check).
      for (let opening = 0; opening < 5 && !(await confirm.isVisible()); opening++) {
        await button.click();
        await confirm.waitFor({ timeout: 2_000 }).catch(() => {});
      }
      // Seen on a busy machine: the confirmation still zooming in (the card's head took the
      // click), then gone. Wait until it stays put, click once, and see whether the page left;
      // if the click found no button, open the confirmation and try again.
      await settled(ok);
      const clicked = await ok
        .click({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      const left =
        clicked &&
        (await this.page
          .waitForURL(/\/contests\/\d+$/, { timeout: 10_000 })
          .then(() => true)
          .catch(() => false));
      if (left) return;
    }
    throw new Error(`publishing did not lead to the contest's page (at ${this.page.url()})`);
  }
}

/** Waits (up to ~2 s) until the element's box reads the same twice 50 ms apart: a popover's zoom done. */
async function settled(element: Locator): Promise<void> {
  let last = '';
  for (let tries = 0; tries < 40; tries++) {
    const box = JSON.stringify(await element.boundingBox({ timeout: 500 }).catch(() => null));
    if (box === last && box !== 'null') return;
    last = box;
    await element.page().waitForTimeout(50);
  }
}

export class ContestPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async showTab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Opens a round of the period and waits for its page. */
  async openRound(period: string): Promise<void> {
    await this.page.getByRole('button', { name: '开启新一期' }).click();
    const dialog = this.page.getByRole('dialog', { name: '开启新一期' });
    await dialog.getByLabel('期次').fill(period);
    await dialog.getByRole('button', { name: '开擂' }).click();
    await this.page.waitForURL(/\/rounds\/\d+$/);
  }
}
