/**
 * Scheduled work on several app servers (issue 18): two `leitai serve` instances on one
 * PostgreSQL, each with its own pool and its own scheduler running the standard jobs, race for
 * them; each job runs once, the round whose notice window ended is published once, and the other
 * instance serves it publicly at once (the change feed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContest } from '../src/app/contests.ts';
import { type AppContext, systemActor } from '../src/app/context.ts';
import { saveEntries } from '../src/app/entries.ts';
import { ledgerSettings } from '../src/app/policies/ledger.ts';
import { openRound, transitionRound } from '../src/app/rounds.ts';
import { draftRubric, publishRubric } from '../src/app/rubrics.ts';
import { Scheduler, standardJobs } from '../src/app/scheduler.ts';
import { loadConfig } from '../src/config.ts';
import { type Cluster, feedsLive, pgUrl, startCluster } from './support/instances.ts';

const RUBRIC = `title: 两台服务器的公示
indicators:
  - { code: A1, name: 评分, points: 100, method: manual }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`;

describe.skipIf(!pgUrl)('scheduled work on two app servers', () => {
  let cluster: Cluster;
  let roundId: number;

  beforeAll(async () => {
    cluster = await startCluster(2);
    await feedsLive(cluster.instances);
    const ctx: AppContext = {
      db: cluster.instances[0]!.handle.db,
      actor: systemActor,
      clock: cluster.clock,
    };
    const contest = await createContest(ctx, {
      title: '公示期满自动发布',
      category: '调度',
      organizer: '371323',
      cadence: 'month',
      participants: { under: '371323', kinds: ['town'] },
    });
    const id = String(contest.id);
    await draftRubric(ctx, id, { yaml: RUBRIC });
    await publishRubric(ctx, id, 1);
    const round = await openRound(ctx, id, { period: '2026-06' });
    roundId = round.id;
    await transitionRound(ctx, String(roundId), 'collecting');
    await saveEntries(
      ctx,
      String(roundId),
      contest.participants.map((p, i) => ({ unit: p.code, indicator: 'A1', value: 40 + i })),
    );
    await transitionRound(ctx, String(roundId), 'reviewing');
    await transitionRound(ctx, String(roundId), 'notice');
  });
  afterAll(() => cluster?.close());

  it('runs each job on one instance only, and publishes the ended notice once', async () => {
    const [a, b] = cluster.instances;
    // Before the window ends the public page of the round is the notice's, not a publication.
    expect((await b!.as(null, { url: `/api/v1/public/rounds/${roundId}` })).statusCode).toBe(404);
    cluster.clock.advanceMinutes(3 * 24 * 60 + 1);
    const ledger = ledgerSettings(loadConfig({}));
    const schedulers = [a!, b!].map((instance, i) => {
      const s = new Scheduler({ db: instance.handle.db, clock: cluster.clock, holder: `i${i}` });
      for (const job of standardJobs({ ledger })) s.register(job);
      return s;
    });
    const ran = await Promise.all([...schedulers, ...schedulers].map((s) => s.tick()));
    const all = ran.flat();
    for (const name of ['reminders', 'webhooks', 'notice-ends', 'ledger-month-end']) {
      expect(all.filter((n) => n === name)).toHaveLength(1);
    }
    // Both instances ran something or one ran all: either way never the same job twice.
    const db = a!.handle.db;
    const round = await db
      .selectFrom('rounds')
      .select('state')
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(round.state).toBe('published');
    const published = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'round.transition')
      .where('entity_id', '=', String(roundId))
      .where('after_json', 'like', '%"published"%')
      .execute();
    expect(published).toHaveLength(1);
    const jobs = await db
      .selectFrom('scheduler_jobs')
      .select(['name', 'runs', 'last_error'])
      .orderBy('name')
      .execute();
    expect(jobs.map((j) => [j.name, j.runs, j.last_error])).toEqual([
      ['ledger-month-end', 1, null],
      ['notice-ends', 1, null],
      ['reminders', 1, null],
      ['webhooks', 1, null],
    ]);
    // The other instance serves the publication at once.
    const page = await b!.as(null, { url: `/api/v1/public/rounds/${roundId}` });
    expect(page.statusCode).toBe(200);
  });
});
