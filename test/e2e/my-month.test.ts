// 我的本月 in a real browser (issue 14 item 6): 黄山铺镇's reporter sees this month's items,
// downloads the combined workbook, fills one empty cell and uploads it back (saved); then a
// workbook with text in a number cell is refused with the problem named by sheet and cell, and
// nothing is saved. Screenshots at 1440 and 390 px. Needs `npm run build` and /usr/bin/chromium.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import {
  collectConsoleErrors,
  demoPasswords,
  launchBrowser,
  makeTempDir,
  newContext,
  type RunningServer,
  runCli,
  saveScreenshot,
  startServer,
  type TempDir,
} from './support.ts';

interface Fill {
  task: 'report' | 'score';
  round: { id: number; periodLabel: string };
  contest: { title: string };
  cells: number;
  filled: number;
}

interface Month {
  period: string;
  fill: Fill[];
  open: number;
}

/** An empty cell the user may fill, with a value its column accepts. */
interface OpenCell {
  sheet: string;
  address: string;
  value: string | number;
}

async function openCells(bytes: Buffer): Promise<OpenCell[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const found: OpenCell[] = [];
  for (const ws of book.worksheets) {
    if (ws.name === '目录') continue;
    ws.eachRow((row, r) => {
      if (r === 1) return;
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.protection?.locked !== false) return;
        if (cell.value !== null && cell.value !== undefined && cell.value !== '') return;
        const list = cell.dataValidation?.type === 'list';
        found.push({ sheet: ws.name, address: cell.address, value: list ? '否' : 1 });
      });
    });
  }
  return found;
}

async function edited(bytes: Buffer, sheet: string, address: string, value: string | number) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  book.getWorksheet(sheet)!.getCell(address).value = value;
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function noHorizontalOverflow(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

describe('我的本月: the month’s items and the combined workbook', () => {
  let data: TempDir | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let passwords: Record<string, string>;
  const contexts: BrowserContext[] = [];
  let workbook: Buffer | undefined;
  let before: Month | undefined;

  beforeAll(async () => {
    data = makeTempDir();
    passwords = demoPasswords((await runCli(['demo', '--data', data.dir], 300_000)).stdout);
    server = await startServer(data.dir);
    browser = await launchBrowser();
  }, 420_000);

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [i, c] of contexts.entries()) {
      for (const page of c.pages())
        await saveScreenshot(page, `my-month-failed-${i}`).catch(() => {});
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    data?.remove();
  });

  async function signIn(username: string, width: number): Promise<Page> {
    if (!browser || !server) throw new Error('set-up failed');
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const login = new LoginPage(page, server.url);
    await login.goto();
    await login.signIn(username, passwords[username] ?? '');
    return page;
  }

  async function monthOf(page: Page): Promise<Month> {
    const response = await page.request.get(`${server!.url}/api/v1/me/month`);
    expect(response.status()).toBe(200);
    return (await response.json()) as Month;
  }

  async function upload(page: Page, bytes: Buffer, name: string) {
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/me/month/import') && r.request().method() === 'POST',
    );
    await page
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
    return answered;
  }

  it('lists the reporter’s items, downloads the workbook, and saves one filled cell', async () => {
    const page = await signIn('huangshanpu', 1440);
    const errors = collectConsoleErrors(page);
    // The menu and the 工作台 both lead here.
    await page.getByRole('link', { name: '查看我的本月（合并填报表）' }).click();
    await page.getByRole('heading', { name: '我的本月', level: 1 }).waitFor();
    before = await monthOf(page);
    const reports = before.fill.filter((f) => f.task === 'report');
    expect(reports.length).toBeGreaterThan(0);
    const report = page.locator('.month-section').filter({ hasText: '填报' }).first();
    for (const f of reports) {
      await report
        .getByRole('link', { name: `${f.contest.title} · ${f.round.periodLabel}` })
        .waitFor();
      await report.getByText(`已填 ${f.filled}／${f.cells}`).first().waitFor();
    }
    await expect(page.getByRole('menuitem', { name: '我的本月' }).count()).resolves.toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载本月合并填报表' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/合并填报表\.xlsx$/);
    workbook = fs.readFileSync((await file.path())!);
    const open = await openCells(workbook);
    expect(open.length).toBeGreaterThan(0);
    const target = open[0]!;

    const answer = await upload(
      page,
      await edited(workbook, target.sheet, target.address, target.value),
      '本月合并填报表.xlsx',
    );
    expect(answer.status()).toBe(200);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('已保存').first().waitFor();
    await dialog.getByText('共写入 1 个单元格').waitFor();
    await dialog.getByText(target.sheet).first().waitFor();
    const after = await monthOf(page);
    const filled = (m: Month) => m.fill.reduce((n, f) => n + f.filled, 0);
    expect(filled(after)).toBe(filled(before) + 1);
    await saveScreenshot(page, 'my-month-saved-1440');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await noHorizontalOverflow(page);
    await saveScreenshot(page, 'my-month-1440');
    expect(errors).toEqual([]);
  }, 180_000);

  it('refuses text in a number cell, names the sheet and cell, and saves nothing (390 px)', async () => {
    expect(workbook).toBeDefined();
    const page = await signIn('huangshanpu', 390);
    await page.goto(`${server!.url}/me/month`);
    await page.getByRole('heading', { name: '我的本月', level: 1 }).waitFor();
    await page
      .locator('.month-section')
      .first()
      .getByRole('button', { name: '去填报' })
      .first()
      .waitFor();
    await noHorizontalOverflow(page);
    await saveScreenshot(page, 'my-month-390');

    const stored = await monthOf(page);
    // The workbook from the first test: its first open cell is filled now, the next is not.
    const open = (await openCells(workbook!)).filter((c) => c.value !== '否');
    const target = open[1] ?? open[0]!;
    const answer = await upload(
      page,
      await edited(workbook!, target.sheet, target.address, '很多'),
      '填错的合并表.xlsx',
    );
    expect(answer.status()).toBe(400);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('未导入').first().waitFor();
    await dialog.getByText('全部未保存').waitFor();
    await dialog.getByText(`工作表「${target.sheet}」 ${target.address}`).first().waitFor();
    await dialog.getByText('很多').first().waitFor();
    expect(await monthOf(page)).toEqual(stored);
    await noHorizontalOverflow(page);
    await saveScreenshot(page, 'my-month-refused-390');

    // The same report as a table on a wide screen.
    await page.setViewportSize({ width: 1440, height: 900 });
    await dialog.locator('table').getByText(target.address).first().waitFor();
    await saveScreenshot(page, 'my-month-refused-1440');
  }, 180_000);
});
