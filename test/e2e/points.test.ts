// 党员积分 (issue 16): a village clerk records points on a 390 px phone, the branch secretary
// reviews them (maker–checker: no decision offered where the server would refuse), and the member's
// statement and the leaderboards show what counted; the public board shows masked names only.
// Screenshots at 1440 and 390 px in test-output/e2e. Needs `npm run build` and /usr/bin/chromium.
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import {
  PointsBoard,
  RecordPage,
  ReviewPage,
  StatementPage,
  sidewaysOverflow,
} from './page-models/points-pages.ts';
import {
  ApiClient,
  collectConsoleErrors,
  lastLine,
  newContext,
  runCli,
  saveScreenshot,
  useDemoSite,
} from './support.ts';

const PHONE = { width: 390, height: 844 };
const VILLAGE = '371323104200'; // 黄山村, whose branch hsp-cunwen and hsp-shuji keep
const TOWN = '371323104'; // 黄山铺镇

interface Member {
  id: number;
  name: string;
  status: string;
}
interface BoardRow {
  memberId: number;
  total: number;
}
interface StatementLine {
  id: number;
  note: string | null;
  status: string;
  counted: number;
}

/** Today in China, as the clerk's phone sees it. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('party-member points', { timeout: 240_000 }, () => {
  const demo = useDemoSite();
  let admin: ApiClient;
  let branchId = 0;
  let members: Member[] = [];
  const extra: BrowserContext[] = [];

  beforeAll(async () => {
    const token = lastLine(
      (await runCli(['token', 'create', '--user', 'admin', '--data', demo.data.dir])).stdout,
    );
    admin = new ApiClient(demo.server.url, token);
    const branches = await admin.call<{ id: number; unitCode: string }[]>(
      'GET',
      `/points/branches?under=${VILLAGE}`,
    );
    branchId = branches.find((b) => b.unitCode === VILLAGE)!.id;
    members = await admin.call<Member[]>('GET', `/points/branches/${branchId}/members`);
  });

  afterEach(async () => {
    for (const context of extra.splice(0)) await context.close();
  });

  /** Two active members whose names no one else in the branch shares. */
  function twoMembers(): [Member, Member] {
    const unique = members.filter(
      (m) => m.status === 'active' && members.filter((o) => o.name === m.name).length === 1,
    );
    return [unique[0]!, unique[1]!];
  }

  async function signIn(page: Page, username: string, phone = false): Promise<void> {
    if (phone) await page.setViewportSize(PHONE);
    const login = new LoginPage(page, demo.server.url);
    await login.goto();
    await login.signIn(username, demo.passwords[username] ?? '');
  }

  async function secondBrowser(): Promise<{ page: Page; errors: string[] }> {
    const context = await newContext(demo.browser);
    extra.push(context);
    const page = await context.newPage();
    return { page, errors: collectConsoleErrors(page) };
  }

  async function expectFits(page: Page, name: string): Promise<void> {
    // A chart drawn at the previous width resizes on its own timer: give the layout 10 s to settle
    // (5 s was once not enough at load 6).
    let o = await sidewaysOverflow(page);
    for (let waited = 0; o.scrollWidth > o.innerWidth && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      o = await sidewaysOverflow(page);
    }
    await saveScreenshot(page, name);
    expect(o.scrollWidth, `${name} scrolls sideways: ${o.wide.join(', ')}`).toBeLessThanOrEqual(
      o.innerWidth,
    );
  }

  async function monthTotal(memberId: number, month: string): Promise<number> {
    const board = await admin.call<{ rows: BoardRow[] }>(
      'GET',
      `/points/leaderboard?scope=${VILLAGE}&period=${month}&limit=1000`,
    );
    return board.rows.find((r) => r.memberId === memberId)?.total ?? 0;
  }

  it('a clerk records on a phone, the secretary reviews, the statement and the boards show it', async () => {
    const today = chinaToday();
    const month = today.slice(0, 7);
    const [first, second] = twoMembers();
    const before = await monthTotal(first.id, month);
    const note = '村口环境整治志愿服务';

    // The clerk, on a phone: two members, one rule item, today, a note.
    const clerk = demo.page;
    await signIn(clerk, 'hsp-cunwen', true);
    const recording = new RecordPage(clerk, demo.server.url);
    await recording.goto();
    await expectFits(clerk, 'points-record-390');
    const title = await recording.record([first.name, second.name], '参加志愿服务活动', note);
    expect(title).toBe('已提交 2 条，等待审核');
    await expectFits(clerk, 'points-record-done-390');
    // The clerk sees the queue but may not decide it.
    const clerkQueue = new ReviewPage(clerk, demo.server.url);
    await clerkQueue.goto();
    await clerkQueue.card(first.name, note).waitFor();
    await expect(clerkQueue.card(first.name, note).getByRole('button').count()).resolves.toBe(0);
    expect(demo.consoleErrors).toEqual([]);

    // The secretary, at a desk: approves one, returns the other with a reason.
    const { page: secretary, errors } = await secondBrowser();
    await signIn(secretary, 'hsp-shuji');
    const review = new ReviewPage(secretary, demo.server.url);
    await review.goto();
    await review.card(first.name, note).waitFor();
    await review.card(second.name, note).waitFor();
    await expectFits(secretary, 'points-review-1440');
    await secretary.setViewportSize(PHONE);
    await expectFits(secretary, 'points-review-390');
    await secretary.setViewportSize({ width: 1440, height: 900 });
    const approved = secretary.waitForResponse(
      (r) => r.url().includes('/review') && r.request().method() === 'POST',
    );
    await review.approve(first.name, note);
    expect((await approved).status()).toBe(200);
    await review.card(first.name, note).waitFor({ state: 'detached' });
    await review.reject(second.name, note, '活动当天未到场，请核实');

    // What counted, as the server has it.
    const statement = await admin.call<{ lines: StatementLine[] }>(
      'GET',
      `/points/members/${first.id}/statement?year=${today.slice(0, 4)}`,
    );
    const line = statement.lines.find((l) => l.note === note)!;
    expect(line.status).toBe('approved');
    expect(line.counted).toBeGreaterThanOrEqual(0);
    expect(line.counted).toBeLessThanOrEqual(3);
    expect(await monthTotal(first.id, month)).toBe(before + line.counted);

    // The first member's statement: the line counted (and a clamp named, if a cap cut it).
    const page = new StatementPage(secretary, demo.server.url);
    await page.goto(first.id);
    const row = page.line(note);
    await row.getByText('已计入').waitFor();
    if (line.counted < 3) await row.locator('.points-clamp').waitFor();
    await expectFits(secretary, 'points-statement-1440');
    // The second member's: returned, with the reason, counting nothing.
    await page.goto(second.id);
    await page.line(note).getByText('已退回').waitFor();
    await page.line(note).getByText('活动当天未到场，请核实').waitFor();
    await secretary.setViewportSize(PHONE);
    await page.line(note).getByText('已退回').waitFor();
    await expectFits(secretary, 'points-statement-390');
    await secretary.setViewportSize({ width: 1440, height: 900 });

    // The branch board for the month: the first member's total includes the new points.
    const board = new PointsBoard(secretary, demo.server.url);
    await board.goto({ scope: VILLAGE, period: month });
    const cells = await board.cells(board.row(first.name));
    expect(cells).toContain(String(before + line.counted));
    await board.charts.first().waitFor();
    await expectFits(secretary, 'points-board-1440');
    // The quarter's board names classes.
    await board.goto({
      scope: VILLAGE,
      period: `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`,
    });
    await expect(board.headers.allInnerTexts()).resolves.toContain('等次');
    await expect(board.rows.locator('.ant-tag').count()).resolves.toBeGreaterThan(0);
    await secretary.setViewportSize(PHONE);
    await board.charts.first().waitFor();
    await expectFits(secretary, 'points-board-390');
    expect(errors).toEqual([]);
  });

  it('maker–checker: a secretary who also records may not approve her own record', async () => {
    await admin.call('POST', `/points/branches/${branchId}/assignments`, {
      user: 'hsp-shuji',
      role: 'recorder',
    });
    const token = lastLine(
      (await runCli(['token', 'create', '--user', 'hsp-shuji', '--data', demo.data.dir])).stdout,
    );
    const shuji = new ApiClient(demo.server.url, token);
    const rules = await shuji.call<{ id: number; item: string }[]>(
      'GET',
      `/points/branches/${branchId}/rules`,
    );
    const [member] = twoMembers();
    const note = '书记自己录入的一条';
    const record = await shuji.call<{ id: number }>('POST', '/points/records', {
      member: member.id,
      rule: rules.find((r) => r.item === '参加主题党日')!.id,
      occurredOn: chinaToday(),
      note,
    });

    // The queue offers her no decision on it (the record's may.review), and says why.
    await signIn(demo.page, 'hsp-shuji');
    const review = new ReviewPage(demo.page, demo.server.url);
    await review.goto();
    const card = review.card(member.name, note);
    await card.getByText('本人录入', { exact: true }).waitFor();
    await card.getByText('须由其他审核人审核').waitFor();
    expect(await card.getByRole('button', { name: '通过' }).count()).toBe(0);
    // The server refuses it all the same, and the record stays pending.
    await expect(
      shuji.call('POST', `/points/records/${record.id}/review`, { decision: 'approve' }),
    ).rejects.toThrow('记录人不能审核自己录入的积分');
    await review.goto();
    await review.card(member.name, note).waitFor();
  });

  it('the public board shows masked names, totals and classes only', async () => {
    const names = new Set(members.map((m) => m.name));
    const board = new PointsBoard(demo.page, demo.server.url);
    await board.goto({ scope: TOWN }, true);
    const headers = await board.headers.allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['名次', '姓名', '党支部', '积分', '等次']);
    const shown = await board.rows.locator('td:nth-child(2)').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    for (const name of shown) {
      expect(name).toMatch(/^\p{Script=Han}\*+\p{Script=Han}?$/u);
      expect(names.has(name)).toBe(false);
    }
    await board.charts.first().waitFor();
    await expectFits(demo.page, 'points-public-1440');
    await demo.page.setViewportSize(PHONE);
    await expectFits(demo.page, 'points-public-390');
    expect(demo.consoleErrors).toEqual([]);
  });
});
