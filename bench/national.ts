/**
 * A national round on PostgreSQL (issue 18): 620,573 villages × 20 indicators, entered in large
 * batches (the entries go in by COPY), computed, stored and published through the use cases;
 * then the transitions where nothing changed, which reuse the stored results instead of reading
 * 12 million entries again. PostgreSQL only (BENCH_DATABASE_URL or TEST_DATABASE_URL);
 * BENCH_NATIONAL_UNITS sets a smaller country for a quick run. Prints figures, asserts nothing.
 *
 *   node --max-old-space-size=8192 --import tsx bench/national.ts
 */

import os from 'node:os';
import { rubricOfRound } from '../src/app/compute-round.ts';
import { createContest } from '../src/app/contests.ts';
import { type AppContext, systemActor } from '../src/app/context.ts';
import { saveEntries } from '../src/app/entries.ts';
import { openRound, transitionRound } from '../src/app/rounds.ts';
import { draftRubric, publishRubric } from '../src/app/rubrics.ts';
import { rankRound } from '../src/core/rank-round.ts';
import { sheetFromRows } from '../src/core/sheet.ts';
import { listParticipants } from '../src/db/contest.repository.ts';
import { insertRows } from '../src/db/dialect.ts';
import { entryValuesByUnit } from '../src/db/entry.repository.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { findRound } from '../src/db/round.repository.ts';
import { benchPgUrl, freshDatabase } from './support.ts';

const UNITS = Number(process.env.BENCH_NATIONAL_UNITS ?? 620_573);
const BATCH_UNITS = Number(process.env.BENCH_BATCH_UNITS ?? 25_000);

const methods = ['relative', 'range', 'target', 'bands', 'rank', 'manual'] as const;
const RUBRIC = `title: 全国村级擂台赛（基准）
precision: 2
indicators:
${Array.from({ length: 17 }, (_, i) => {
  const m = methods[i % methods.length]!;
  const extra =
    m === 'target'
      ? ', target: 80'
      : m === 'bands'
        ? ', bands: [[90, 5], [70, 3], [50, 1]]'
        : m === 'rank'
          ? ', step: 0.001, floor: 0'
          : '';
  return `  - { code: I${i + 1}, name: 指标${i + 1}, points: 5, method: ${m}${extra} }`;
}).join('\n')}
  - { code: B1, name: 加分, kind: bonus, per: 1, cap: 3 }
  - { code: C1, name: 扣分, kind: deduction, per: 1, cap: 5 }
  - { code: V1, name: 一票否决, kind: veto }
flags:
  red: { topPercent: 10 }
  yellow: { bottomPercent: 5 }
`;

function value(i: number, unit: number): number {
  const x = Math.sin(unit * 12.9898 + i * 78.233) * 43758.5453;
  const r = x - Math.floor(x);
  if (i === 17) return r < 0.2 ? 1 : 0;
  if (i === 18) return r < 0.1 ? 2 : 0;
  if (i === 19) return r < 0.001 ? 1 : 0;
  return methods[i % methods.length] === 'manual'
    ? Math.round(r * 500) / 100
    : Math.round(r * 10000) / 100;
}

if (!benchPgUrl) {
  console.log(
    '\nnational round: skipped — set BENCH_DATABASE_URL or TEST_DATABASE_URL (PostgreSQL)',
  );
  process.exit(0);
}

const db = await freshDatabase('postgres');
const rows: string[] = [];
const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  const load = os.loadavg()[0]!.toFixed(1);
  rows.push(`${label.padEnd(58)} ${seconds.toFixed(2).padStart(8)} s   (load ${load})`);
  console.log(
    `  … ${label}: ${seconds.toFixed(2)} s (load average ${load}, ${new Date().toISOString()})`,
  );
  return result;
};
try {
  await migrateToLatest(db.handle.db);
  const ctx: AppContext = {
    db: db.handle.db,
    actor: systemActor,
    clock: { now: () => new Date() },
  };
  const now = new Date().toISOString();
  await step(`set-up: ${UNITS} villages (COPY)`, async () => {
    await insertRows(
      ctx.db,
      'units',
      ['code', 'name', 'kind', 'parent_id', 'active', 'source', 'created_at', 'updated_at'],
      [['100000', '全国（基准）', 'province', null, 1, 'custom', now, now]],
    );
    const root = await ctx.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '100000')
      .executeTakeFirstOrThrow();
    await insertRows(
      ctx.db,
      'units',
      ['code', 'name', 'kind', 'parent_id', 'active', 'source', 'created_at', 'updated_at'],
      Array.from({ length: UNITS }, (_, i) => [
        `V${String(i + 1).padStart(9, '0')}`,
        `第${i + 1}村`,
        'village',
        root.id,
        1,
        'custom',
        now,
        now,
      ]),
    );
  });
  const contest = await step('set-up: contest with every village', () =>
    createContest(ctx, {
      title: '全国村级擂台赛（基准）',
      category: '基准',
      organizer: '100000',
      cadence: 'month',
      participants: { under: '100000', kinds: ['village'] },
    }),
  );
  const id = String(contest.id);
  await draftRubric(ctx, id, { yaml: RUBRIC });
  await publishRubric(ctx, id, 1);
  const opened = await openRound(ctx, id, { period: '2026-06' });
  const roundId = String(opened.id);
  await transitionRound(ctx, roundId, 'collecting');
  const units = contest.participants.map((p) => p.code);
  const codes = [...Array.from({ length: 17 }, (_, i) => `I${i + 1}`), 'B1', 'C1', 'V1'];
  await step(
    `load: ${units.length * 20} entries in batches of ${BATCH_UNITS} units (COPY)`,
    async () => {
      const started = performance.now();
      for (let b = 0; b < units.length; b += BATCH_UNITS) {
        const items = units
          .slice(b, b + BATCH_UNITS)
          .flatMap((unit, u) =>
            codes.map((indicator, i) => ({ unit, indicator, value: value(i, b + u) })),
          );
        await saveEntries(ctx, roundId, items);
        // Progress, so that a long run stopped early still tells its rate.
        const done = Math.min(units.length, b + BATCH_UNITS) * codes.length;
        const minutes = (performance.now() - started) / 60_000;
        console.log(
          `    ${done} entries, ${Math.round(done / minutes)} a minute (load average ${os.loadavg()[0]!.toFixed(1)})`,
        );
      }
    },
  );
  const round = (await findRound(ctx.db, opened.id))!;
  const computed = await step('compute: entries grouped by unit + engine', async () => {
    const [rubric, participants, values] = await Promise.all([
      rubricOfRound(ctx.db, round),
      listParticipants(ctx.db, round.contestId),
      entryValuesByUnit(ctx.db, round.id),
    ]);
    const sheet = sheetFromRows(
      rubric,
      participants.map((p) => ({
        code: p.code,
        name: p.name,
        group: p.group,
        values: values.get(p.unitId) ?? {},
      })),
    );
    return rankRound(rubric, sheet);
  });
  rows.push(`  (${computed.totals.length} units ranked)`);
  await step('collecting → reviewing: compute and store results (COPY)', () =>
    transitionRound(ctx, roundId, 'reviewing'),
  );
  await step('reviewing → notice: nothing changed, stored results reused', () =>
    transitionRound(ctx, roundId, 'notice'),
  );
  await step('notice → published: flags, digest of entries and results', () =>
    transitionRound(ctx, roundId, 'published'),
  );
  const sizes = await ctx.db
    .selectFrom('entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', opened.id)
    .executeTakeFirstOrThrow();
  rows.push(`(${units.length} villages, ${sizes.n} entries)`);
} finally {
  await db.handle.close();
  await db.drop();
}
console.log('\nA national round on PostgreSQL, through the use cases');
for (const row of rows) console.log(`  ${row}`);
