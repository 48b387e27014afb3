/**
 * The scheduler's notice-window ends and month-end lights (issue 18), on both databases: a round
 * whose 公示 ended with no appeal is published once, by the system; one with an appeal, or
 * still inside its window, is left alone; the month just ended gets its lights once (a snapshot
 * taken during the month is replaced, one taken after it ended is kept); two schedulers racing
 * run each job once.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { loadConfig } from '../config.ts';
import { fileAppeal } from './appeals.ts';
import { createContest } from './contests.ts';
import type { AppContext } from './context.ts';
import { loadDemo } from './demo.ts';
import { saveEntries } from './entries.ts';
import { snapshotLights } from './ledger-lights.ts';
import { ledgerSettings } from './policies/ledger.ts';
import { openRound, transitionRound } from './rounds.ts';
import { draftRubric, publishRubric } from './rubrics.ts';
import { monthEndSnapshot, previousMonth, publishEndedNotices } from './scheduled-work.ts';
import { Scheduler, standardJobs } from './scheduler.ts';

const RUBRIC = `title: 公示期满
indicators:
  - { code: A1, name: 评分, points: 100, method: manual }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`;

const at = (iso: string) => ({ now: () => new Date(iso) });

describeEachDialect('scheduled work', (use) => {
  let ctx: AppContext;
  const ledger = ledgerSettings(loadConfig({}));
  let units: string[] = [];

  /** A round of the towns entering 公示 at `noticeAt` (a 3-day window). */
  async function roundInNotice(title: string, noticeAt: string): Promise<number> {
    const c = ctx;
    const contest = await createContest(c, {
      title,
      category: '调度',
      organizer: '371323',
      cadence: 'month',
      participants: { under: '371323', kinds: ['town'] },
    });
    units = contest.participants.map((p) => p.code);
    await draftRubric(c, String(contest.id), { yaml: RUBRIC });
    await publishRubric(c, String(contest.id), 1);
    const round = await openRound(c, String(contest.id), { period: '2026-06' });
    await transitionRound(c, String(round.id), 'collecting');
    await saveEntries(
      c,
      String(round.id),
      units.map((unit, i) => ({ unit, indicator: 'A1', value: 50 + i })),
    );
    await transitionRound(c, String(round.id), 'reviewing');
    await transitionRound({ ...c, clock: at(noticeAt) }, String(round.id), 'notice');
    return round.id;
  }

  const stateOf = async (id: number) =>
    (
      await ctx.db
        .selectFrom('rounds')
        .select('state')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).state;

  const publications = (id: number) =>
    ctx.db
      .selectFrom('audit_events')
      .select('after_json')
      .where('action', '=', 'round.transition')
      .where('entity_id', '=', String(id))
      .where('after_json', 'like', '%"published"%')
      .execute();

  beforeAll(async () => {
    ctx = use().ctx;
    await loadDemo(ctx, { contests: false });
  });

  it('publishes a round whose notice ended without objection, once', async () => {
    const quiet = await roundInNotice('公示期满无异议', '2026-06-30T09:00:00Z');
    const objected = await roundInNotice('公示期内有申诉', '2026-06-30T09:00:00Z');
    await fileAppeal({ ...ctx, clock: at('2026-07-01T09:00:00Z') }, String(objected), {
      unit: units[0]!,
      indicator: 'A1',
      reason: '评分有误，申请复核',
    });
    // Inside the window nothing happens.
    expect(await publishEndedNotices({ ...ctx, clock: at('2026-07-03T08:59:00Z') })).toEqual([]);
    expect(await stateOf(quiet)).toBe('notice');
    // The window ended: the quiet round is published, the one with an appeal waits.
    const after = { ...ctx, clock: at('2026-07-03T09:00:00Z') };
    expect(await publishEndedNotices(after)).toEqual([quiet]);
    expect(await stateOf(quiet)).toBe('published');
    expect(await stateOf(objected)).toBe('notice');
    // Again: nothing twice.
    expect(await publishEndedNotices(after)).toEqual([]);
    const events = await publications(quiet);
    expect(events).toHaveLength(1);
    // Published as a publication is: with its digest, flags awarded.
    expect(JSON.parse(String(events[0]!.after_json)).digest.resultRows).toBe(units.length);
    const flags = await ctx.db
      .selectFrom('flags')
      .select('color')
      .where('round_id', '=', quiet)
      .execute();
    expect(flags.map((f) => f.color).sort()).toEqual(['red', 'yellow']);
    expect(await publications(objected)).toHaveLength(0);
  });

  it('takes the month-end lights of the month just ended, once', async () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-07')).toBe('2026-06');
    const lctx = { ...ctx, ledger };
    const { loadDemoLedger } = await import('./demo-ledger.ts');
    await loadDemoLedger(lctx);
    // Taken during June (as of that day): the month-end one replaces it.
    await snapshotLights({ ...lctx, clock: at('2026-06-20T08:00:00Z') }, { month: '2026-06' });
    const snapshots = () =>
      ctx.db
        .selectFrom('audit_events')
        .select('after_json')
        .where('action', '=', 'ledger.snapshot')
        .where('entity_id', '=', '2026-06')
        .orderBy('id')
        .execute();
    const before = (await snapshots()).length;
    const july = { ...ctx, clock: at('2026-07-01T01:00:00Z') };
    expect(await monthEndSnapshot(july, ledger)).toBe('2026-06');
    expect(await monthEndSnapshot(july, ledger)).toBeNull();
    expect(await monthEndSnapshot({ ...ctx, clock: at('2026-07-20T00:00:00Z') }, ledger)).toBe(
      null,
    );
    const after = await snapshots();
    expect(after).toHaveLength(before + 1);
    expect(JSON.parse(String(after.at(-1)!.after_json)).asOf).toBe('2026-06-30');
    const rows = await ctx.db
      .selectFrom('ledger_lights')
      .select('computed_at')
      .where('month', '=', '2026-06')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.computed_at.startsWith('2026-07-01'))).toBe(true);
  }, 180_000); // the demo ledger is a year of history

  it('runs each standard job once when two schedulers race for it', async () => {
    const id = await roundInNotice('两台服务器', '2026-08-01T09:00:00Z');
    const clock = at('2026-08-04T10:00:00Z');
    const make = (holder: string) => {
      const s = new Scheduler({ db: ctx.db, clock, holder });
      for (const job of standardJobs({ ledger })) s.register(job);
      return s;
    };
    const [a, b] = [make('a'), make('b')];
    const ran = (await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])).flat();
    for (const name of ['reminders', 'webhooks', 'notice-ends', 'ledger-month-end']) {
      expect(ran.filter((n) => n === name)).toHaveLength(1);
    }
    expect(await stateOf(id)).toBe('published');
    expect(await publications(id)).toHaveLength(1);
    const jobs = await ctx.db
      .selectFrom('scheduler_jobs')
      .selectAll()
      .where('name', 'in', ['notice-ends', 'ledger-month-end'])
      .execute();
    expect(jobs.map((j) => [j.last_error, j.runs])).toEqual([
      [null, 1],
      [null, 1],
    ]);
  });
});
