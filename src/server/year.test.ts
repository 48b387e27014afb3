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
import { createUser } from '../app/users.ts';

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
    expect(book.getWorksheet('逐期得分')!.rowCount).toBeGreaterThan(18 * 24);
  });

  // ---- DESIGN §8: classes, ratings, adjustments, veto, versions and corrections -------------

  const PEOPLE = ['pingyi1', 'pingyi2', 'pingyi3', 'pingyi4', 'pingyi5'];
  const scheme = (over: Record<string, unknown> = {}) => ({
    components: [
      {
        contest: a.id,
        weight: 0.5,
        conversion: { method: 'rank-linear', first: 100, last: 60 },
        aggregate: 'mean',
      },
      {
        contest: b.id,
        weight: 0.3,
        conversion: { method: 'relative-to-best', points: 100 },
        aggregate: 'mean',
      },
    ],
    ratings: [
      { code: 'LD', name: '领导评价', weight: 0.1, max: 100, raters: [{ user: 'lingdao' }] },
      {
        code: 'QZ',
        name: '群众评议',
        weight: 0.1,
        max: 100,
        raters: PEOPLE.map((user) => ({ user, classes: ['town'] })),
      },
    ],
    adjustments: {
      items: [
        { code: 'B1', name: '获省级以上表彰', kind: 'bonus', cap: 2 },
        { code: 'D1', name: '被上级通报批评', kind: 'deduction', cap: 5 },
        { code: 'V1', name: '发生重大安全生产事故', kind: 'veto' },
      ],
    },
    classes: [
      {
        code: 'street',
        name: '街道',
        kinds: ['street'],
        grades: { top: [{ name: '优秀', percent: 50 }], bottom: [], otherwise: '良好' },
      },
      { code: 'town', name: '乡镇', kinds: ['town', 'township'] },
    ],
    weightTotal: 1,
    flagPoints: { red: 1, yellow: -1 },
    grades: {
      top: [{ name: '优秀', percent: 20 }],
      bottom: [{ name: '较差', percent: 10 }],
      otherwise: '良好',
    },
    ...over,
  });
  const version = async () =>
    (await s.as('admin', { url: `/api/v1/assessments/${assessmentId}` })).json().version;
  const put = (user: string, url: string, payload: object, method: 'PUT' | 'POST' = 'PUT') =>
    s.as(user, { method, url: `/api/v1/assessments/${assessmentId}${url}`, payload });

  it('refuses a scheme whose weights do not sum as declared, or a quota over 100 %, naming the field', async () => {
    const { ctx } = use();
    for (const username of PEOPLE)
      await createUser(ctx, {
        username,
        displayName: `群众代表${username.at(-1)}`,
        unit: '371323',
        roles: ['reporter'],
      });
    const before = await version();
    const weights = await put('admin', '/scheme', scheme({ weightTotal: 100 }));
    expect(weights.statusCode).toBe(400);
    expect(weights.json().error.details.field).toBe('weightTotal');
    const quota = scheme() as unknown as { classes: object[] };
    quota.classes[1] = {
      ...quota.classes[1]!,
      grades: {
        top: [{ name: '优秀', percent: 80 }],
        bottom: [{ name: '较差', percent: 30 }],
        otherwise: '良好',
      },
    };
    const over = await put('admin', '/scheme', quota);
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details.field).toBe('classes[1].grades');
    expect(over.json().error.message).toContain('超过100%');
    expect(await version()).toBe(before);
    expect((await put('huangshanpu', '/scheme', scheme())).statusCode).toBe(403);
    const ok = await put('admin', '/scheme', scheme());
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: before + 1, state: 'draft' });
    expect(ok.json().versions.map((v: { kind: string }) => v.kind)).toEqual(['draft', 'draft']);
  });

  it("takes each rater's form of a class, and refuses a rating outside its scale with nothing written", async () => {
    const forms = (
      await s.as('lingdao', { url: `/api/v1/assessments/${assessmentId}/ratings` })
    ).json();
    expect(
      forms.items.map((f: { component: string; class: string }) => `${f.component}/${f.class}`),
    ).toEqual(['LD/street', 'LD/town']);
    const [streets, towns] = forms.items as { units: { code: string }[] }[];
    const form = (units: { code: string }[], score: (code: string, i: number) => number) =>
      units.map((u, i) => ({ unit: u.code, score: score(u.code, i) }));
    const bad = await put('lingdao', '/ratings', {
      component: 'LD',
      class: 'town',
      ratings: form(towns!.units, (_c, i) => (i === 3 ? 101 : 80)),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('ratings[3].score');
    const after = (
      await s.as('lingdao', { url: `/api/v1/assessments/${assessmentId}/ratings` })
    ).json();
    expect(after.items[1].units.every((u: { score: number | null }) => u.score === null)).toBe(
      true,
    );
    // A form must rate every unit of its class.
    const partial = await put('lingdao', '/ratings', {
      component: 'LD',
      class: 'town',
      ratings: form(towns!.units.slice(1), () => 80),
    });
    expect(partial.json().error.details.field).toBe('ratings');
    // Not a rater of this form: a town's clerk, or a 群众代表 on the streets.
    expect(
      (
        await put('huangshanpu', '/ratings', {
          component: 'LD',
          class: 'town',
          ratings: form(towns!.units, () => 80),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await put('pingyi1', '/ratings', {
          component: 'QZ',
          class: 'street',
          ratings: form(streets!.units, () => 80),
        })
      ).statusCode,
    ).toBe(403);
    for (const [component, cls, units, user, score] of [
      ['LD', 'street', streets!.units, 'lingdao', () => 90],
      ['LD', 'town', towns!.units, 'lingdao', (c: string, i: number) => (c === HSP ? 95 : 70 + i)],
      ...PEOPLE.map((user, k) => [
        'QZ',
        'town',
        towns!.units,
        user,
        // 黄山铺镇: 90, 80, 85, 100, 60 → 100 and 60 dropped → 85.
        (c: string) => (c === HSP ? [90, 80, 85, 100, 60][k]! : 75),
      ]),
    ] as [string, string, { code: string }[], string, (c: string, i: number) => number][]) {
      const res = await put(user, '/ratings', {
        component,
        class: cls,
        ratings: form(units, score),
      });
      expect(res.statusCode, `${user} ${component}/${cls}`).toBe(200);
    }
  });

  it("takes a unit's 加分 with evidence, refuses one over its cap, and counts it once approved", async () => {
    const propose = (user: string, payload: object) => put(user, '/adjustments', payload, 'POST');
    const mine = await propose('huangshanpu', {
      unit: HSP,
      item: 'B1',
      points: 1.5,
      reason: '获评全省乡村振兴示范镇',
    });
    expect(mine.statusCode).toBe(201);
    const pdf = Buffer.from('%PDF-1.4\n% 表彰文件\n');
    const boundary = '----year';
    const evidence = await s.as('huangshanpu', {
      method: 'POST',
      url: `/api/v1/assessments/${assessmentId}/adjustments/${mine.json().id}/evidence`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="biaozhang.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(evidence.statusCode).toBe(201);
    expect(
      (
        await propose('huangshanpu', {
          unit: '371323109',
          item: 'B1',
          points: 1,
          reason: '替别人申报',
        })
      ).statusCode,
    ).toBe(403);
    const overCap = await propose('huangshanpu', {
      unit: HSP,
      item: 'B1',
      points: 1,
      reason: '再获表彰',
    });
    expect(overCap.statusCode).toBe(400);
    expect(overCap.json().error.details.field).toBe('points');
    expect(overCap.json().error.message).toContain('超过上限2分');
    // Only the organizer approves; the unit's clerk sees its own adjustments and no one else's.
    const approve = (id: number) =>
      put('admin', `/adjustments/${id}/approve`, { decision: 'approved' }, 'POST');
    expect(
      (
        await put(
          'huangshanpu',
          `/adjustments/${mine.json().id}/approve`,
          { decision: 'approved' },
          'POST',
        )
      ).statusCode,
    ).toBe(403);
    expect((await approve(mine.json().id)).statusCode).toBe(200);
    const yz = await propose('admin', {
      unit: '371323109',
      item: 'D1',
      points: 2,
      reason: '被市委通报批评',
    });
    expect((await approve(yz.json().id)).statusCode).toBe(200);
    const seen = (
      await s.as('huangshanpu', { url: `/api/v1/assessments/${assessmentId}/adjustments` })
    ).json();
    expect(seen.items.map((x: { unit: string; state: string }) => [x.unit, x.state])).toEqual([
      [HSP, 'approved'],
    ]);
    expect(seen.items[0].evidence).toEqual({ name: 'biaozhang.pdf', type: 'application/pdf' });
  });

  it("explains 黄山铺镇's total line by line: contests, ratings, flags, 加分 add up to it", async () => {
    const r = await results();
    const hsp = r.items.find((u: { code: string }) => u.code === HSP);
    // A: 96.67 × 0.5 = 48.34 (48.335 rounded half up); B: 80 × 0.3 = 24; 领导评价 95 × 0.1 = 9.5;
    // 群众评议 (90, 80, 85, 100, 60 → 85) × 0.1 = 8.5; flags 11 − 1 = 10; 加分 1.5. Total 101.84.
    expect(hsp.lines.map((l: { kind: string; points: number }) => [l.kind, l.points])).toEqual([
      ['contest', 48.34],
      ['contest', 24],
      ['rating', 9.5],
      ['rating', 8.5],
      ['flags', 10],
      ['adjustment', 1.5],
    ]);
    expect(hsp.ratings[1]).toMatchObject({ count: 5, dropped: [100, 60], mean: 85 });
    expect(hsp.total).toBe(101.84);
    expect(hsp).toMatchObject({ class: 'town', className: '乡镇', rank: 1, grade: '优秀' });
    for (const u of r.items) {
      const sum = u.lines.reduce((t: number, l: { points: number }) => t + l.points, 0);
      expect(Math.round(sum * 100) / 100).toBe(u.total);
    }
    // Streets and towns are ranked and graded apart, each class with its own quotas.
    const streets = r.items.filter((u: { class: string }) => u.class === 'street');
    expect(streets.map((u: { rank: number; grade: string }) => [u.rank, u.grade])).toEqual([
      [1, '优秀'],
      [2, '良好'],
    ]);
    const towns = r.items.filter((u: { class: string }) => u.class === 'town');
    expect(towns).toHaveLength(16);
    expect(towns.filter((u: { grade: string }) => u.grade === '优秀')).toHaveLength(4); // ceil(16 × 20 %)
    const yz = r.items.find((u: { code: string }) => u.code === '371323109');
    expect(yz.lines.at(-1)).toMatchObject({
      kind: 'adjustment',
      label: '减分：被上级通报批评',
      points: -2,
    });
  });

  it("shows a town's clerk its own line only", async () => {
    const mine = (
      await s.as('huangshanpu', { url: `/api/v1/assessments/${assessmentId}/results` })
    ).json();
    expect(mine.items.map((u: { code: string }) => u.code)).toEqual([HSP]);
    expect(
      (await s.as('pingyi1', { url: `/api/v1/assessments/${assessmentId}/results` })).statusCode,
    ).toBe(403);
  });

  it('publishes, then changes only by a recorded correction: a veto caps the grade', async () => {
    expect((await put('admin', '/publish', {}, 'POST')).statusCode).toBe(200);
    expect((await put('admin', '/scheme', scheme())).statusCode).toBe(409);
    expect(
      (await put('lingdao', '/ratings', { component: 'LD', class: 'street', ratings: [] }))
        .statusCode,
    ).toBe(400);
    const corrected = await put(
      'admin',
      '/corrections',
      {
        reason: '经核查，黄山铺镇发生重大安全生产事故，实行一票否决',
        adjustments: [{ unit: HSP, item: 'V1', reason: '发生重大安全生产事故' }],
      },
      'POST',
    );
    expect(corrected.statusCode).toBe(200);
    const versions = corrected.json().versions;
    expect(versions.map((v: { kind: string }) => v.kind)).toEqual([
      'draft',
      'draft',
      'publish',
      'correction',
    ]);
    expect(versions.at(-1).reason).toContain('一票否决');
    const hsp = (await results()).items.find((u: { code: string }) => u.code === HSP);
    // The points stay; the unit ranks after every other town and is graded 较差.
    expect(hsp).toMatchObject({ total: 101.84, vetoed: true, rank: 16, grade: '较差' });
    expect(hsp.lines.at(-1)).toMatchObject({ kind: 'veto', points: 0 });
  });

  it('writes the same lines into the workbook', async () => {
    const res = await s.as('admin', { url: `/api/v1/assessments/${assessmentId}/results.xlsx` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('得分说明')!;
    const rows = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .filter((r) => r.getCell(1).value === '黄山铺镇');
    const api = (await results()).items.find((u: { code: string }) => u.code === HSP);
    expect(rows.map((r) => [r.getCell(3).value, r.getCell(5).value])).toEqual([
      ...api.lines.map((l: { label: string; points: number }) => [l.label, l.points]),
      ['合计', api.total],
    ]);
  });
});
