// One month of a contest, walked through in a real browser by the real roles (DESIGN §1):
// the county admin sets the contest up, 黄山铺镇's reporter fills in its values, the lead office
// (县委组织部) scores and checks on site, the round goes to notice, the town appeals, the lead
// office upholds it, the organizer publishes, and the results show the flags. Needs
// `npm run build` and /usr/bin/chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ContestFormPage,
  ContestPage,
  ContestsPage,
  RubricEditorPage,
} from './page-models/contest-pages.ts';
import { LoginPage } from './page-models/login-page.ts';
import { ResultsPage, RoundPage } from './page-models/round-page.ts';
import {
  ApiClient,
  chartsAtRest,
  collectConsoleErrors,
  DATA_CODES,
  demoPasswords,
  lastLine,
  latinTextOnPage,
  launchBrowser,
  makeTempDir,
  newContext,
  type RunningServer,
  runCli,
  saveScreenshot,
  startServer,
  type TempDir,
} from './support.ts';

const TITLE = '基层党建擂台赛·组织建设';
const PERIOD = '2026-06';
const RUBRIC = `title: ${TITLE}
precision: 2
indicators:
  - { code: A1, name: 村级活动场所标准化, points: 30, method: manual }
  - { code: A2, name: 集体经济收入超10万元村占比, points: 40, method: target, target: 0.8 }
  - { code: A3, name: 后备干部人数, points: 30, method: relative }
  - { code: B1, name: 环境整治问题, kind: deduction, per: 2, cap: 10 }
flags:
  red: { top: 3 }
  yellow: { bottom: 2 }
`;
const HUANGSHANPU = '371323104';

// A 1×1 PNG: a photo of the activity room, as far as the server can tell.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

interface Actor {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

describe('one month of a contest, role by role', () => {
  let data: TempDir | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let api: ApiClient;
  let passwords: Record<string, string>;
  const actors: Actor[] = [];
  let roundId = 0;
  let participants: { code: string; name: string }[] = [];

  beforeAll(async () => {
    data = makeTempDir();
    const demo = await runCli(['demo', '--data', data.dir]);
    passwords = demoPasswords(demo.stdout);
    const token = lastLine(
      (await runCli(['token', 'create', '--user', 'admin', '--data', data.dir])).stdout,
    );
    server = await startServer(data.dir);
    api = new ApiClient(server.url, token);
    browser = await launchBrowser();
  });

  // A failed step leaves a picture of every open page, to see what the user saw.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [index, actor] of actors.entries()) {
      if (!actor.page.isClosed())
        await saveScreenshot(actor.page, `failed-${index}`).catch(() => {});
    }
  });

  afterAll(async () => {
    for (const actor of actors) await actor.context.close();
    await browser?.close();
    await server?.stop();
    data?.remove();
  });

  /** A fresh browser of one person, its console watched. */
  async function open(viewport?: { width: number; height: number }) {
    if (!browser) throw new Error('set-up failed');
    const context = await newContext(browser);
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    const errors = collectConsoleErrors(page);
    actors.push({ context, page, errors });
    return { page, errors };
  }

  /** A signed-in browser of one user. */
  async function signIn(username: string) {
    if (!server) throw new Error('set-up failed');
    const opened = await open();
    const login = new LoginPage(opened.page, server.url);
    await login.goto();
    await login.signIn(username, passwords[username] ?? '');
    return opened;
  }

  async function checkChinese(page: Page, extra: string[] = []) {
    expect(await latinTextOnPage(page, ['Leitai', ...extra], DATA_CODES)).toEqual([]);
  }

  it('captures the demo users’ passwords', () => {
    expect(Object.keys(passwords).sort()).toEqual([
      'admin',
      'hsp-cunwen',
      'hsp-shuji',
      'hsp-zuzhi',
      'huangshancun',
      'huangshancun-shuji',
      'huangshanpu',
      'lingdao',
      'yangzhuang',
      'zuzhibu',
    ]);
  });

  it('the admin creates the contest, publishes its rubric and opens the round', async () => {
    if (!server) throw new Error('set-up failed');
    const { page } = await open();
    const login = new LoginPage(page, server.url);
    await login.goto();
    await saveScreenshot(page, 'login');
    await checkChinese(page);
    await login.signIn('admin', passwords.admin ?? '');
    await saveScreenshot(page, 'workbench-admin');

    const contests = new ContestsPage(page, server.url);
    await contests.goto();
    await contests.startNew();
    const form = new ContestFormPage(page);
    await form.fill({ title: TITLE, category: '基层党建', leads: { A1: '县委组织部' } });
    await saveScreenshot(page, 'contest-form');
    await checkChinese(page);
    await form.submit();

    // The live check names the line of a mistake, then the fixed text passes.
    const editor = new RubricEditorPage(page);
    await editor.write(RUBRIC.replace('points: 30, method: manual', 'points: -30, method: manual'));
    await expect(editor.problems.first().textContent()).resolves.toMatch(/第 4 行.*分值必须大于0/);
    await editor.write(RUBRIC);
    await editor.status.getByText('格式正确，共 4 项指标').waitFor();
    await editor.preview.getByText('人工评分').first().waitFor();
    await editor.preview.getByText('各组前 3 名').waitFor();
    await saveScreenshot(page, 'rubric-editor');
    await editor.publish();
    await page.waitForURL(/\/contests\/\d+$/);

    const contest = new ContestPage(page);
    await contest.heading.filter({ hasText: new RegExp(`^${TITLE}$`) }).waitFor();
    await contest.showTab('评分标准');
    await page.getByText('第 1 版').waitFor();
    await page.getByRole('cell', { name: '县委组织部' }).first().waitFor();
    await saveScreenshot(page, 'contest');
    await checkChinese(page);

    await contest.openRound(PERIOD);
    const round = new RoundPage(page, server.url);
    roundId = round.roundId;
    await round.stateTag.filter({ hasText: '草稿' }).waitFor();
    await round.moveTo('开始填报', '填报中');
    await saveScreenshot(page, 'round-collecting');
    await checkChinese(page);

    // The other towns' figures come in by script, as a county office's import would.
    const contestId = (await api.call<{ contest: { id: number } }>('GET', `/rounds/${roundId}`))
      .contest.id;
    participants = (
      await api.call<{ participants: { code: string; name: string }[] }>(
        'GET',
        `/contests/${contestId}`,
      )
    ).participants;
    expect(participants.length).toBe(18);
    const items = participants
      .filter((p) => p.code !== HUANGSHANPU)
      .flatMap((p, i) => [
        { unit: p.code, indicator: 'A1', value: 18 + (i % 10), version: 0 },
        {
          unit: p.code,
          indicator: 'A2',
          value: Number((0.4 + (i % 7) * 0.09).toFixed(2)),
          version: 0,
        },
        { unit: p.code, indicator: 'A3', value: 3 + (i % 8), version: 0 },
        { unit: p.code, indicator: 'B1', value: i % 3, version: 0 },
      ]);
    await api.call('PUT', `/rounds/${roundId}/entries`, items);
  });

  it('黄山铺镇’s reporter fills in its values, and hears plainly when someone saved first', async () => {
    if (!server) throw new Error('set-up failed');
    const { page, errors } = await signIn('huangshanpu');
    await page.getByRole('button', { name: '去处理' }).first().click();
    const round = new RoundPage(page, server.url);
    await page.locator('.round-steps').waitFor();
    // The reporter sees its own unit only, one indicator a row; manual scores and deductions
    // are the lead office's, so they have no input here.
    await expect(round.cell('黄山铺镇', '村级活动场所标准化').count()).resolves.toBe(0);
    await round.cell('黄山铺镇', '集体经济收入超10万元村占比').fill('0.9');
    await page.keyboard.press('Enter');
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
    ).resolves.toBe('黄山铺镇 后备干部人数');
    await page.keyboard.type('8');
    await round.save();
    await round.toast.getByText('已保存 2 项').waitFor();

    // Evidence for A2.
    await round.cell('黄山铺镇', '集体经济收入超10万元村占比').focus();
    await round.uploadEvidence({ name: '村集体收入台账.png', mimeType: 'image/png', buffer: PNG });

    // Someone else (the county office, by script) changes A3 while the reporter edits it.
    const entries = await api.call<{
      items: { unit: string; indicator: string; version: number }[];
    }>('GET', `/rounds/${roundId}/entries`);
    const a3 = entries.items.find((e) => e.unit === HUANGSHANPU && e.indicator === 'A3');
    await round.cell('黄山铺镇', '后备干部人数').fill('9');
    await api.call('PUT', `/rounds/${roundId}/entries`, [
      { unit: HUANGSHANPU, indicator: 'A3', value: 7, version: a3?.version ?? 0 },
    ]);
    await round.save();
    await round.conflict.getByText('有人比您先保存了部分数据').waitFor();
    await expect(round.conflict.textContent()).resolves.toContain('黄山铺镇·A3');
    // The browser logs the refused save (409) it was meant to get; nothing else may be logged.
    const refused = errors.findIndex((text) => text.includes('409 (Conflict)'));
    expect(refused).toBeGreaterThanOrEqual(0);
    errors.splice(refused, 1);
    await saveScreenshot(page, 'round-conflict');
    await round.conflict.getByRole('button', { name: '刷新并保留我的其他修改' }).click();
    await round.conflict.waitFor({ state: 'detached' });
    await expect(round.cell('黄山铺镇', '后备干部人数').inputValue()).resolves.toBe('7');
    await round.cell('黄山铺镇', '后备干部人数').fill('8');
    await round.save();
    await round.toast.getByText('已保存 1 项').waitFor();
    await saveScreenshot(page, 'round-reporter');
    await checkChinese(page);

    // On a phone the same page scrolls within the grid, not the whole page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await round.cell('黄山铺镇', '后备干部人数').waitFor();
    await saveScreenshot(page, 'round-reporter-phone');
    const overflow = await page.evaluate(() => {
      const root = document.documentElement;
      const wide = [...document.querySelectorAll<HTMLElement>('#main *')]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .filter((el) => !el.closest('.grid-scroll'))
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}`);
      return { by: root.scrollWidth - root.clientWidth, wide };
    });
    expect(overflow.by, `wider than the phone: ${overflow.wide.join(', ')}`).toBe(0);
  });

  it('the lead office scores and records a 四不两直 field check', async () => {
    if (!server) throw new Error('set-up failed');
    const { page } = await signIn('zuzhibu');
    const round = new RoundPage(page, server.url);
    await round.goto(roundId);
    await round.cell('黄山铺镇', '村级活动场所标准化').fill('25');
    await round.save();
    await round.toast.getByText('已保存 1 项').waitFor();
    await round.cell('黄山铺镇', '村级活动场所标准化').focus();
    await round.recordFieldCheck('不打招呼实地查看尧崖头村活动场所，标识、制度上墙，台账齐全。');
    await round.cellPanel.getByText('四不两直').first().waitFor();
    await saveScreenshot(page, 'round-evaluator');
    await checkChinese(page);
  });

  it('the admin closes entry, reviews and puts the round on notice', async () => {
    if (!server) throw new Error('set-up failed');
    const { page } = await signIn('admin');
    const round = new RoundPage(page, server.url);
    await round.goto(roundId);
    // An organizer is offered only the moves the round allows.
    await expect(page.getByRole('button', { name: '正式发布' }).count()).resolves.toBe(0);
    await round.moveTo('截止填报，进入审核', '审核中');
    await round.moveTo('进入公示', '公示中');
  });

  it('the town appeals during notice and the lead office upholds it', async () => {
    if (!server) throw new Error('set-up failed');
    const town = await signIn('huangshanpu');
    const townRound = new RoundPage(town.page, server.url);
    await townRound.goto(roundId);
    await townRound.fileAppeal(
      'A1 村级活动场所标准化',
      '本镇3月新建2处标准化活动场所，验收材料已上传，请复核评分。',
    );
    await townRound.appealRow('黄山铺镇').getByText('待答复').waitFor();
    await saveScreenshot(town.page, 'appeal-filed');
    await checkChinese(town.page);

    const office = await signIn('zuzhibu');
    const officeRound = new RoundPage(office.page, server.url);
    await officeRound.goto(roundId);
    await officeRound.upholdAppeal(
      '黄山铺镇',
      '28',
      '经复核，新建场所已通过验收，评分调整为28分。',
    );
    await officeRound.appealRow('黄山铺镇').getByText('已支持').waitFor();
    await saveScreenshot(office.page, 'appeal-decided');
  });

  it('the organizer publishes; the results show the flags and the gap to the red line', async () => {
    if (!server) throw new Error('set-up failed');
    const { page } = await signIn('admin');
    const round = new RoundPage(page, server.url);
    await round.goto(roundId);
    // The notice (公示) still runs: publishing now needs a reason (DESIGN §2).
    await round.moveTo('正式发布', '已发布', '公示期内申诉已处理完毕，经研究提前发布');

    const results = new ResultsPage(page, server.url);
    await results.goto(roundId);
    // Top 3 red, bottom 2 yellow; ties at the edge are all flagged (DESIGN §3).
    const reds = await results.table.locator('.flag-red').count();
    const yellows = await results.table.locator('.flag-yellow').count();
    expect(reds).toBeGreaterThanOrEqual(3);
    expect(yellows).toBeGreaterThanOrEqual(2);
    await expect(results.statistic('红旗').textContent()).resolves.toBe(String(reds));
    await expect(results.statistic('黄旗').textContent()).resolves.toBe(String(yellows));
    const total = await results.cellText('黄山铺镇', '总分');
    expect(Number(total)).toBeGreaterThan(0);
    const gap = await results.cellText('黄山铺镇', '距红旗线');
    expect(gap === '已达到' || Number(gap) > 0).toBe(true);
    // The upheld appeal counts: 28 of 30 for A1.
    await expect(results.cellText('黄山铺镇', 'A1')).resolves.toMatch(/^28\.00/);
    await chartsAtRest(page);
    await saveScreenshot(page, 'results');
    await checkChinese(page);

    await page.goto(`${server.url}/flags`);
    await page.getByText(/共授红旗 \d+ 面/).waitFor();
    await chartsAtRest(page);
    await saveScreenshot(page, 'flags');
    await checkChinese(page);

    await page.goto(`${server.url}/contests`);
    await new ContestsPage(page, server.url).category('基层党建').waitFor();
    await saveScreenshot(page, 'contests');
    await checkChinese(page);

    await page.goto(`${server.url}/users`);
    await page.getByRole('cell', { name: 'huangshanpu', exact: true }).waitFor();
    await saveScreenshot(page, 'users');
    // Usernames are data: the demo's people, down to the branch and the 群众评议 raters.
    await checkChinese(page, [
      'huangshancun-shuji',
      'huangshancun',
      'hsp-zuzhi',
      'hsp-cunwen',
      'hsp-shuji',
      'qunzhong',
      'admin',
      'huangshanpu',
      'lingdao',
      'yangzhuang',
      'zuzhibu',
    ]);

    await page.goto(`${server.url}/audit`);
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText(/审计链完整：共 \d+ 条记录，未发现篡改。/).waitFor();
    await page.locator('.ant-table-row-expand-icon').first().click();
    await page.locator('.audit-diff').first().waitFor();
    await saveScreenshot(page, 'audit');

    // 黄山铺镇's workbench now shows its place with its flag, if any.
    const town = await signIn('huangshanpu');
    await town.page.getByRole('link', { name: TITLE }).first().waitFor();
    await saveScreenshot(town.page, 'workbench-reporter');
    await checkChinese(town.page);
  }, 120_000);

  it('logged no console error on any page', () => {
    expect(actors.flatMap((actor) => actor.errors)).toEqual([]);
  });
});
