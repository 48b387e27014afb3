// The entry grid keeps every keystroke and every unsaved change (issue 14, item 1): an error
// cleared by typing does not take the focus away, numbers are read as people type them (85%,
// full-width digits) with a warning for implausible ones, and leaving with unsaved cells asks
// first — in the grid and in the rubric editor. Needs `npm run build` and /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import { CorrectionPage, RoundPage } from './page-models/round-page.ts';
import { saveScreenshot, useDemoSite } from './support.ts';

const ORGANIZATION = '基层党建重点任务擂台赛·组织建设';
const ECONOMY = '基层党建重点任务擂台赛·村级集体经济';

/** The id of a contest's round that is collecting, read through the signed-in session. */
async function collectingRound(
  page: Page,
  title: string,
): Promise<{ round: number; contest: number }> {
  return page.evaluate(async (wanted) => {
    const list = await (await fetch('/api/v1/contests?limit=500')).json();
    const contest = list.items.find((c: { title: string }) => c.title === wanted);
    const detail = await (await fetch(`/api/v1/contests/${contest.id}`)).json();
    const round = detail.rounds.find((r: { state: string }) => r.state === 'collecting');
    return { round: round.id as number, contest: contest.id as number };
  }, title);
}

describe('the entry grid keeps what is typed', { timeout: 180_000 }, () => {
  const demo = useDemoSite();
  // Pages of 18 units on a machine shared with other suites: give each step time.
  beforeEach(() => demo.page.setDefaultTimeout(45_000));

  async function signIn(username: string) {
    const login = new LoginPage(demo.page, demo.server.url);
    await login.goto();
    await login.signIn(username, demo.passwords[username] ?? '');
  }

  it('after an error, selecting the cell and typing 24 gives 24, saved as 24', async () => {
    await signIn('zuzhibu');
    const { round: id } = await collectingRound(demo.page, ORGANIZATION);
    const round = new RoundPage(demo.page, demo.server.url);
    await round.goto(id);
    const cell = round.cell('黄山铺镇', '党支部标准化规范化建设');
    await cell.click();
    // Typed at a person's pace, not filled in one go: the bug lived between keystrokes.
    await demo.page.keyboard.type('35', { delay: 120 });
    await round.cellProblem.getByText('人工评分必须在0到30之间').waitFor();
    await saveScreenshot(demo.page, 'grid-error');
    await cell.click();
    await demo.page.keyboard.type('24', { delay: 120 });
    await expect(cell.inputValue()).resolves.toBe('24');
    await expect(round.cellProblem.count()).resolves.toBe(0);
    // Focus stayed in the cell: one more digit and a backspace land there too.
    await demo.page.keyboard.type('5', { delay: 120 });
    await demo.page.keyboard.press('Backspace');
    await expect(cell.inputValue()).resolves.toBe('24');
    await round.save();
    await round.toast.getByText('已保存 1 项').waitFor();
    await demo.page.reload();
    await expect(round.cell('黄山铺镇', '党支部标准化规范化建设').inputValue()).resolves.toBe('24');
    expect(demo.consoleErrors).toEqual([]);
  });

  it('reads 82%, 0.82 and ０.８２ alike, warns about 82 for a ratio and refuses 120%', async () => {
    await signIn('huangshanpu');
    const { round: id } = await collectingRound(demo.page, ECONOMY);
    const round = new RoundPage(demo.page, demo.server.url);
    await round.goto(id);
    const cell = round.cell('黄山铺镇', '集体经济收入超10万元村占比');
    await cell.click();
    await demo.page.keyboard.type('82', { delay: 80 });
    await round.cellWarning.getByText(/是否应为 0\.82/).waitFor();
    await saveScreenshot(demo.page, 'grid-ratio-warning');
    await cell.fill('120%');
    await round.cellProblem.getByText(/比率不能超过100%/).waitFor();
    await cell.fill('０.８２');
    await expect(round.cellProblem.count()).resolves.toBe(0);
    await expect(round.cellWarning.count()).resolves.toBe(0);
    await cell.fill('82%');
    await expect(round.cellWarning.count()).resolves.toBe(0);
    await round.save();
    await round.toast.getByText('已保存 1 项').waitFor();
    await demo.page.reload();
    await expect(round.cell('黄山铺镇', '集体经济收入超10万元村占比').inputValue()).resolves.toBe(
      '0.82',
    );
  });

  it('asks before a menu link or the browser leaves unsaved cells behind', async () => {
    await signIn('huangshanpu');
    const { round: id } = await collectingRound(demo.page, ECONOMY);
    const round = new RoundPage(demo.page, demo.server.url);
    await round.goto(id);
    await round.cell('黄山铺镇', '党支部领办合作社数').fill('7');
    await demo.page.getByRole('link', { name: '红旗榜' }).first().click();
    await round.unsavedDialog.waitFor();
    await saveScreenshot(demo.page, 'grid-unsaved-guard');
    await round.unsavedDialog.getByRole('button', { name: '留在此页' }).click();
    await round.unsavedDialog.waitFor({ state: 'hidden' });
    expect(demo.page.url()).toContain(`/rounds/${id}`);
    await expect(round.cell('黄山铺镇', '党支部领办合作社数').inputValue()).resolves.toBe('7');

    // Reloading raises the browser's own question (beforeunload).
    let asked = false;
    demo.page.once('dialog', (dialog) => {
      asked = dialog.type() === 'beforeunload';
      void dialog.dismiss();
    });
    await demo.page.reload({ timeout: 3000 }).catch(() => {});
    expect(asked).toBe(true);

    await demo.page.getByRole('link', { name: '红旗榜' }).first().click();
    await round.unsavedDialog.getByRole('button', { name: '放弃修改并离开' }).click();
    await demo.page.waitForURL(/\/flags$/);
  });

  it('asks before 返回擂台赛 leaves an edited rubric', async () => {
    await signIn('admin');
    const { contest } = await collectingRound(demo.page, ORGANIZATION);
    await demo.page.goto(`${demo.server.url}/contests/${contest}/rubric`);
    await demo.page.getByRole('tab', { name: '原文（高级）' }).click();
    const source = demo.page.getByLabel('评分标准原文');
    await source.waitFor();
    await source.press('End');
    await source.pressSequentially('\n# 待议', { delay: 30 });
    await demo.page.getByRole('button', { name: '返回擂台赛' }).click();
    const dialog = demo.page.getByRole('dialog', { name: '有未保存的修改' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '放弃修改并离开' }).click();
    await demo.page.waitForURL(new RegExp(`/contests/${contest}$`));
  });

  it('corrects a published round: cells, a reason, totals, ranks and flags before and after', async () => {
    await signIn('admin');
    const { contest } = await collectingRound(demo.page, ORGANIZATION);
    const published = await demo.page.evaluate(async (id) => {
      const detail = await (await fetch(`/api/v1/contests/${id}`)).json();
      return detail.rounds.filter((r: { state: string }) => r.state === 'published').pop()
        .id as number;
    }, contest);
    const round = new RoundPage(demo.page, demo.server.url);
    await round.goto(published);
    await demo.page.getByRole('button', { name: '更正', exact: true }).click();
    await demo.page.waitForURL(/\/correct$/);
    const correction = new CorrectionPage(demo.page);
    await correction.pickCell(1, '黄山铺镇', 'A1 党支部标准化规范化建设');
    await correction.value(1).fill('35');
    await correction.page.getByText('人工评分必须在0到30之间').waitFor();
    await correction.value(1).fill('0');
    await correction.reason.fill('复核发现黄山铺镇A1录入错误，予以更正');
    await correction.previewRows.first().waitFor();
    await expect(correction.previewRow('黄山铺镇').textContent()).resolves.toContain('→');
    await saveScreenshot(demo.page, 'correction-preview');
    await correction.submit();
    await demo.page.waitForURL(new RegExp(`/rounds/${published}/results$`));
    const after = await demo.page.evaluate(async (id) => {
      const results = await (await fetch(`/api/v1/rounds/${id}/results`)).json();
      return results.items.find((r: { name: string }) => r.name === '黄山铺镇').indicators.A1
        .value as number;
    }, published);
    expect(after).toBe(0);
  });
});
