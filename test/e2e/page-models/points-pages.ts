// 党员积分: the clerk's recording page, the secretary's review queue, a member's statement, the
// leaderboards and the public board. Tests say what a person does; the selectors live here.
import type { Locator, Page } from 'playwright-core';

/** How far the page scrolls sideways, and the first elements that stick out. */
export async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter(
        (el) => !el.closest('.ant-table-content, .ant-table-body, .points-tabs, .grid-scroll'),
      )
      .slice(0, 5)
      .map((el) => `${el.tagName}.${el.className}`);
    return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, wide };
  });
}

/** 记录积分, phone first. */
export class RecordPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/points/record`);
    await this.memberTiles.first().waitFor();
  }

  get memberTiles(): Locator {
    return this.page.locator('.points-member-tiles label.points-tile');
  }

  memberTile(name: string): Locator {
    return this.memberTiles.filter({ hasText: new RegExp(`^${name}$`) });
  }

  ruleTile(item: string): Locator {
    return this.page.locator('label.points-tile.rule').filter({ hasText: item });
  }

  get note(): Locator {
    return this.page.getByRole('textbox', { name: '备注' });
  }

  get submitButton(): Locator {
    return this.page.locator('.points-submit-bar button');
  }

  get result(): Locator {
    return this.page.locator('.points-record-result');
  }

  /** Chooses the members, the rule item and a note, and submits; resolves with the result's title. */
  async record(members: string[], item: string, note: string): Promise<string> {
    for (const name of members) {
      await this.memberTile(name).click();
      await this.memberTile(name).locator('input:checked').waitFor({ state: 'attached' });
    }
    await this.ruleTile(item).click();
    await this.note.fill(note);
    await this.submitButton.click();
    await this.result.waitFor();
    return ((await this.result.locator('.ant-result-title').textContent()) ?? '').trim();
  }
}

/** 积分审核: the branch's pending records as cards. */
export class ReviewPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/points/review`);
    await this.page.locator('.points-queue, .points-count').first().waitFor();
  }

  /** The card of the pending record of a member with this note. */
  card(member: string, note: string): Locator {
    return this.page
      .locator('.points-queue-item')
      .filter({ hasText: note })
      .filter({ has: this.page.getByRole('link', { name: member, exact: true }) });
  }

  async approve(member: string, note: string): Promise<void> {
    await this.card(member, note).getByRole('button', { name: '通过' }).click();
  }

  /** Returns the record with a reason and waits for its card to leave the queue. */
  async reject(member: string, note: string, reason: string): Promise<void> {
    await this.card(member, note).getByRole('button', { name: '退回' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('退回理由').fill(reason);
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.card(member, note).waitFor({ state: 'detached' });
  }
}

/** 党员积分明细. */
export class StatementPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(memberId: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/points/members/${memberId}`);
    await this.page.locator('.points-year-total').waitFor();
  }

  /** A line of the statement (a table row on a desk, a list item on a phone) with this note. */
  line(note: string): Locator {
    return this.page
      .locator('.points-category tr.ant-table-row, .points-lines > li')
      .filter({ hasText: note });
  }

  get yearTotal(): Locator {
    return this.page.locator('.points-year-total .ant-statistic-content-value');
  }
}

/** 积分排行 inside, and 党员积分公示 on the public site. */
export class PointsBoard {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(query: { scope?: string; period?: string }, publicSite = false): Promise<void> {
    const search = new URLSearchParams(query as Record<string, string>).toString();
    await this.page.goto(
      `${this.baseUrl}${publicSite ? '/public' : ''}/points/leaderboard${search ? `?${search}` : ''}`,
    );
    await this.rows.first().waitFor();
  }

  get rows(): Locator {
    return this.page.locator('.points-board tbody tr.ant-table-row');
  }

  get headers(): Locator {
    return this.page.locator('.points-board thead th');
  }

  /** The row of a member (by name on the inside board). */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The cells of a row, as text. */
  async cells(row: Locator): Promise<string[]> {
    return (await row.locator('td').allInnerTexts()).map((s) => s.trim());
  }

  get charts(): Locator {
    return this.page.locator('canvas');
  }
}
