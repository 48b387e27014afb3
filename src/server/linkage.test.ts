/**
 * 三级联动 (DESIGN §2, §6): the county's template run by two towns among their villages with
 * weekly, monthly and quarterly rounds; the county's side-by-side view and village ranking; and a
 * county-board indicator filled from each town's published village round.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';

const HSP = '371323104';
const YZ = '371323109';
const TEMPLATE = `title: 乡村振兴擂台赛·组织建设先锋
indicators:
  - { code: A1, name: 党支部标准化建设, points: 70, method: manual }
  - { code: E1, name: 人居环境整治, points: 30, method: manual }
flags:
  red: { top: 2 }
  yellow: { bottom: 1 }
`;

describeEachDialect('three-level linkage', (use) => {
  let s: TestServer;
  let templateId: number;
  const instance: Record<string, { id: number; villages: string[] }> = {};
  let board: number;
  let boardRound: number;
  beforeAll(async () => {
    s = await startTestServer(use());
  });
  afterAll(() => s.close());

  const api = (user: string, method: string, url: string, payload?: unknown) =>
    s.as(user, {
      method: method as 'GET',
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function runRound(
    contestId: number,
    period: string,
    values: (village: string, i: number) => [number, number],
    derive?: string,
  ) {
    const round = (
      await api('admin', 'POST', `/contests/${contestId}/rounds`, {
        period,
        ...(derive ? { derive } : {}),
      })
    ).json();
    await api('admin', 'POST', `/rounds/${round.id}/transition`, { to: 'collecting' });
    if (!derive) {
      const villages = instance[contestId === instance[HSP]!.id ? HSP : YZ]!.villages;
      const items = villages.flatMap((unit, i) => {
        const [a1, e1] = values(unit, i);
        return [
          { unit, indicator: 'A1', value: a1 },
          { unit, indicator: 'E1', value: e1 },
        ];
      });
      expect((await api('admin', 'PUT', `/rounds/${round.id}/entries`, items)).statusCode).toBe(
        200,
      );
    }
    for (const to of ['reviewing', 'notice', 'published']) {
      // The notice (公示) runs its 3 days before publishing (DESIGN §2).
      if (to === 'published') s.clock.advanceMinutes(3 * 24 * 60);
      const moved = await api('admin', 'POST', `/rounds/${round.id}/transition`, { to });
      expect(moved.statusCode).toBe(200);
    }
    return round.id as number;
  }

  it('the county publishes a template; each town runs it among its own villages as organizer', async () => {
    const t = await api('admin', 'POST', '/contests', {
      title: '乡村振兴擂台赛·组织建设先锋',
      category: '乡村振兴',
      organizer: '371323',
      cadence: 'month',
      extraCadences: ['week', 'quarter'],
      isTemplate: true,
      participants: { under: '371323', kinds: ['village', 'community'] },
    });
    expect(t.statusCode).toBe(201);
    templateId = t.json().id;
    expect(t.json()).toMatchObject({ isTemplate: true, extraCadences: ['week', 'quarter'] });
    await api('admin', 'POST', `/contests/${templateId}/rubrics`, { yaml: TEMPLATE });
    const early = await api('admin', 'POST', `/contests/${templateId}/instances`, {
      organizer: HSP,
    });
    expect(early.json().error.code).toBe('NO_PUBLISHED_RUBRIC');
    await api('admin', 'POST', `/contests/${templateId}/rubrics/1/publish`);
    expect(
      (await api('huangshanpu', 'POST', `/contests/${templateId}/instances`, { organizer: HSP }))
        .statusCode,
    ).toBe(403);
    for (const town of [HSP, YZ]) {
      const made = await api('admin', 'POST', `/contests/${templateId}/instances`, {
        organizer: town,
      });
      expect(made.statusCode).toBe(201);
      expect(made.json()).toMatchObject({
        templateId,
        organizer: { code: town },
        rubricVersions: [{ version: 1, status: 'published' }],
      });
      expect(made.json().participants.every((p: { code: string }) => p.code.startsWith(town))).toBe(
        true,
      );
      instance[town] = {
        id: made.json().id,
        villages: made.json().participants.map((p: { code: string }) => p.code),
      };
    }
    expect(instance[HSP]!.villages).toContain('371323104276');
    const again = await api('admin', 'POST', `/contests/${templateId}/instances`, {
      organizer: HSP,
    });
    expect(again.json().error.code).toBe('INSTANCE_EXISTS');
  });

  it("fills a town's county-board indicator when its village round is published", async () => {
    const created = await api('admin', 'POST', '/contests', {
      title: '龙虎榜·乡村振兴',
      category: '七项战略行动',
      organizer: '371323',
      cadence: 'month',
      participants: { under: '371323', kinds: ['street', 'town', 'township'] },
    });
    board = created.json().id;
    await api('admin', 'POST', `/contests/${board}/rubrics`, {
      yaml: 'title: 龙虎榜·乡村振兴\nindicators:\n  - { code: V1, name: 红旗村占比, points: 50, method: relative }\n  - { code: V2, name: 村平均分, points: 50, method: relative }\n',
    });
    await api('admin', 'POST', `/contests/${board}/rubrics/1/publish`);
    const feeds = await api('admin', 'PUT', `/contests/${board}/feeds`, {
      V1: { template: templateId, measure: 'red_share' },
      V2: { template: templateId, measure: 'mean_total' },
    });
    expect(feeds.statusCode).toBe(200);
    expect(
      (
        await api('admin', 'PUT', `/contests/${board}/feeds`, {
          V1: { template: board, measure: 'red_share' },
        })
      ).json().error.code,
    ).toBe('NOT_A_TEMPLATE');
    boardRound = (
      await api('admin', 'POST', `/contests/${board}/rounds`, { period: '2026-06' })
    ).json().id;
    await api('admin', 'POST', `/rounds/${boardRound}/transition`, { to: 'collecting' });

    for (const [m, period] of ['2026-04', '2026-05', '2026-06'].entries()) {
      await runRound(instance[HSP]!.id, period, (_v, i) => [70 - i, 30 - (i % 3) - m]);
      await runRound(instance[YZ]!.id, period, (_v, i) => [60 - i, 20]);
    }
    const entries = (await api('admin', 'GET', `/rounds/${boardRound}/entries`)).json().items;
    const hsp = entries.filter((e: { unit: string }) => e.unit === HSP);
    const hspVillages = instance[HSP]!.villages.length;
    // Red: the top 2 of each town's June round; no ties at the edge in these values.
    expect(hsp.find((e: { indicator: string }) => e.indicator === 'V1').value).toBeCloseTo(
      2 / hspVillages,
      4,
    );
    expect(hsp.find((e: { indicator: string }) => e.indicator === 'V1').note).toContain(
      '2026年6月',
    );
    const juneHsp = (await api('admin', 'GET', `/contests/${instance[HSP]!.id}`))
      .json()
      .rounds.find((r: { period: string }) => r.period === '2026-06');
    const juneResults = (await api('admin', 'GET', `/rounds/${juneHsp.id}/results`)).json().items;
    const mean =
      juneResults.reduce((sum: number, r: { total: number }) => sum + r.total, 0) /
      juneResults.length;
    expect(hsp.find((e: { indicator: string }) => e.indicator === 'V2').value).toBeCloseTo(mean, 3);
    expect(entries.filter((e: { unit: string }) => e.unit === YZ)).toHaveLength(2);
  });

  it('shows the county every town side by side and ranks all villages county-wide', async () => {
    expect(
      (await api('huangshanpu', 'GET', `/contests/${templateId}/linkage?period=2026-06`))
        .statusCode,
    ).toBe(403);
    const view = (
      await api('lingdao', 'GET', `/contests/${templateId}/linkage?period=2026-06`)
    ).json();
    // The two towns that run it first, then every other town of the county, marked 未开展.
    const towns = view.towns as { town: { code: string }; started: boolean; contestId: unknown }[];
    expect(towns.slice(0, 2).map((t) => t.town.code)).toEqual([HSP, YZ]);
    expect(towns).toHaveLength(18);
    expect(towns.slice(2).every((t) => !t.started && t.contestId === null)).toBe(true);
    expect(towns[0]!.started).toBe(true);
    expect(view.towns[0]).toMatchObject({ red: 2, yellow: 1, round: { state: 'published' } });
    const villages = view.villages as {
      total: number;
      countyRank: number;
      townRank: number;
      town: string;
    }[];
    expect(villages).toHaveLength(instance[HSP]!.villages.length + instance[YZ]!.villages.length);
    for (let i = 1; i < villages.length; i++) {
      expect(villages[i]!.total).toBeLessThanOrEqual(villages[i - 1]!.total);
      const better = villages.filter((v) => v.total > villages[i]!.total).length;
      expect(villages[i]!.countyRank).toBe(1 + better);
    }
    expect(villages[0]).toMatchObject({ town: '黄山铺镇', townRank: 1, countyRank: 1 });
  });

  it('runs weekly bulletins beside the months, and derives the quarter from its months', async () => {
    const hsp = instance[HSP]!;
    const week = await runRound(hsp.id, '2026-W26', (_v, i) => [50 + (i % 5), 25]);
    expect((await api('admin', 'GET', `/rounds/${week}`)).json().periodLabel).toBe('2026年第26周');
    const quarter = (
      await api('admin', 'POST', `/contests/${hsp.id}/rounds`, {
        period: '2026-Q2',
        derive: 'mean',
      })
    ).json();
    expect(quarter.derivation).toEqual({ method: 'mean', from: ['2026-04', '2026-05', '2026-06'] });
    await api('admin', 'POST', `/rounds/${quarter.id}/transition`, { to: 'collecting' });
    const entered = await api('admin', 'PUT', `/rounds/${quarter.id}/entries`, [
      { unit: hsp.villages[0], indicator: 'A1', value: 1 },
    ]);
    expect(entered.json().error.code).toBe('DERIVED_ROUND');
    await api('admin', 'POST', `/rounds/${quarter.id}/transition`, { to: 'reviewing' });
    const q = (await api('admin', 'GET', `/rounds/${quarter.id}/results`)).json().items;
    // Village i: A1 70 − i every month; E1 30 − (i mod 3) − m for m = 0, 1, 2 → mean E1 29 − (i mod 3).
    const first = q.find((r: { code: string }) => r.code === hsp.villages[0]);
    expect(first.total).toBe(70 + 29);
    expect(first.rank).toBe(1);
    const flags = (
      await api('admin', 'POST', `/contests/${hsp.id}/rounds`, {
        period: '2026-Q1',
        derive: 'flags',
      })
    ).json();
    expect(flags.rubric.indicators.map((i: { code: string }) => i.code)).toEqual(['RED', 'YELLOW']);
    const monthly = (
      await api('admin', 'POST', `/contests/${hsp.id}/rounds`, {
        period: '2026-07',
        derive: 'mean',
      })
    ).json();
    expect(monthly.error.code).toBe('BAD_PERIOD');
  });
});
