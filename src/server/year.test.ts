/**
 * A year (DESIGN §2 Assessment, §6): twelve monthly rounds of two contests published, one round
 * corrected, the comprehensive assessment recomputed, and 黄山铺镇's explanation checked by hand.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { createContest } from '../app/contests.ts';
import type { AppContext } from '../app/context.ts';
import { saveEntries } from '../app/entries.ts';
import { openRound, transitionRound } from '../app/rounds.ts';
import { draftRubric, publishRubric } from '../app/rubrics.ts';

const HSP = '371323104';
const MONTHS = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`);

async function monthlyContest(
  ctx: AppContext,
  title: string,
  value: (town: string, i: number, m: number) => number,
) {
  const contest = await createContest(ctx, {
    title,
    category: '基层党建',
    organizer: '371323',
    cadence: 'month',
    participants: { under: '371323', kinds: ['street', 'town', 'township'] },
  });
  const id = String(contest.id);
  await draftRubric(ctx, id, {
    yaml: `title: ${title}\nindicators:\n  - { code: A1, name: 综合评价, points: 100, method: manual }\nflags:\n  red: { top: 2 }\n  yellow: { bottom: 2 }\n`,
  });
  await publishRubric(ctx, id, 1);
  const towns = contest.participants.map((p) => p.code);
  const others = towns.filter((t) => t !== HSP);
  const rounds: Record<string, number> = {};
  for (const [m, period] of MONTHS.entries()) {
    const round = await openRound(ctx, id, { period });
    await transitionRound(ctx, String(round.id), 'collecting');
    await saveEntries(
      ctx,
      String(round.id),
      towns.map((unit) => ({ unit, indicator: 'A1', value: value(unit, others.indexOf(unit), m) })),
    );
    for (const to of ['reviewing', 'notice', 'published'] as const)
      await transitionRound(ctx, String(round.id), to);
    rounds[period] = round.id;
  }
  return { id: contest.id, rounds };
}

describeEachDialect('a year and its comprehensive assessment', (use) => {
  let s: TestServer;
  let a: { id: number; rounds: Record<string, number> };
  let b: { id: number; rounds: Record<string, number> };
  let assessmentId: number;
  beforeAll(async () => {
    s = await startTestServer(use());
    const ctx = use().ctx;
    // Contest A: 黄山铺镇 100 every month, alone at the top; the others 10..89.
    a = await monthlyContest(ctx, '擂台赛甲', (t, i, m) =>
      t === HSP ? 100 : 10 + ((i * 7 + m * 3) % 80),
    );
    // Contest B: two towns 100 and 90, 黄山铺镇 80 (third, no flag), the others 10..69.
    b = await monthlyContest(ctx, '擂台赛乙', (t, i, m) =>
      t === HSP ? 80 : i === 0 ? 100 : i === 1 ? 90 : 10 + ((i * 5 + m) % 60),
    );
  });
  afterAll(() => s.close());

  const results = async () =>
    (await s.as('lingdao', { url: `/api/v1/assessments/${assessmentId}/results` })).json();

  it('sets up the 2026 assessment of the 18 towns and streets', async () => {
    const payload = {
      title: '高质量发展综合绩效考核',
      year: 2026,
      organizer: '371323',
      participants: { under: '371323', kinds: ['street', 'town', 'township'] },
      components: [
        {
          contest: a.id,
          weight: 0.6,
          conversion: { method: 'rank-linear', first: 100, last: 60 },
          aggregate: 'mean',
        },
        {
          contest: b.id,
          weight: 0.4,
          conversion: { method: 'relative-to-best', points: 100 },
          aggregate: 'mean',
        },
      ],
      flagPoints: { red: 1, yellow: -1 },
      grades: {
        top: [{ name: '优秀', percent: 20 }],
        bottom: [{ name: '较差', percent: 10 }],
        otherwise: '良好',
      },
    };
    expect(
      (await s.as('huangshanpu', { method: 'POST', url: '/api/v1/assessments', payload }))
        .statusCode,
    ).toBe(403);
    const res = await s.as('admin', { method: 'POST', url: '/api/v1/assessments', payload });
    expect(res.statusCode).toBe(201);
    assessmentId = res.json().id;
    expect(res.json().participants).toHaveLength(18);
  });

  it("explains 黄山铺镇's total by hand: 60 + 32 + 12 red flags = 104", async () => {
    const r = await results();
    expect(r.total).toBe(18);
    const hsp = r.items.find((u: { code: string }) => u.code === HSP);
    // A: rank 1 of 18 every month → 100 points, mean 100, × 0.6 = 60.
    // B: 80 against a best of 100 → 80 points, mean 80, × 0.4 = 32.
    // Flags: red in A every month (top 2) = 12 × 1; none in B (third place, not in the bottom 2).
    expect(
      hsp.components.map((c: { points: number; contribution: number }) => [
        c.points,
        c.contribution,
      ]),
    ).toEqual([
      [100, 60],
      [80, 32],
    ]);
    expect(hsp.components[0].rounds).toHaveLength(12);
    expect([hsp.red, hsp.yellow, hsp.flagPoints, hsp.total, hsp.rank, hsp.grade]).toEqual([
      12,
      0,
      12,
      104,
      1,
      '优秀',
    ]);
    const grades = r.items.map((u: { grade: string }) => u.grade);
    expect(grades.filter((g: string) => g === '优秀')).toHaveLength(4); // ceil(18 × 20 %)
    expect(grades.filter((g: string) => g === '较差').length).toBeGreaterThanOrEqual(2); // ceil(18 × 10 %), ties included
  });

  it('follows a correction of March: 黄山铺镇 falls to last there, and its explanation says so', async () => {
    const march = a.rounds['2026-03']!;
    const corrected = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${march}/corrections`,
      payload: {
        reason: '复核发现三月材料不实',
        entries: [{ unit: HSP, indicator: 'A1', value: 0 }],
      },
    });
    expect(corrected.statusCode).toBe(200);
    const hsp = (await results()).items.find((u: { code: string }) => u.code === HSP);
    // March: rank 18 of 18 → 60 points; A's mean (11 × 100 + 60) / 12 = 96.67, × 0.6 = 58.00.
    // Flags: 11 red in A, and March's yellow (bottom 2): 11 − 1 = 10. Total 58 + 32 + 10 = 100.
    const marchRound = hsp.components[0].rounds.find(
      (x: { period: string }) => x.period === '2026-03',
    );
    expect(marchRound).toMatchObject({ rank: 18, total: 0, points: 60, flag: 'yellow' });
    expect(hsp.components[0]).toMatchObject({ points: 96.67, contribution: 58 });
    expect([hsp.red, hsp.yellow, hsp.flagPoints, hsp.total]).toEqual([11, 1, 10, 100]);
  });

  it('exports the assessment as a workbook that agrees with the API', async () => {
    const res = await s.as('admin', { url: `/api/v1/assessments/${assessmentId}/results.xlsx` });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('综合考核')!;
    const api = (await results()).items;
    const row = sheet.getRow(3);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(4).value]).toEqual([
      api[0].rank,
      api[0].name,
      api[0].total,
    ]);
    const hspRow = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((r) => r.getCell(2).value === '黄山铺镇')!;
    expect(hspRow.getCell(4).value).toBe(100);
    expect(book.getWorksheet('得分说明')!.rowCount).toBeGreaterThan(18 * 24);
  });
});
