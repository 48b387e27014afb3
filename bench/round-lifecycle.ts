import { createContest } from '../src/app/contests.ts';
import { type AppContext, systemActor } from '../src/app/context.ts';
import { saveEntries } from '../src/app/entries.ts';
import { importDivision } from '../src/app/import-division.ts';
import { openRound, transitionRound } from '../src/app/rounds.ts';
import { draftRubric, publishRubric } from '../src/app/rubrics.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { benchPgUrl, freshDatabase } from './support.ts';

const BATCH_UNITS = Number(process.env.BENCH_BATCH_UNITS ?? 2000);

const methods = ['relative', 'range', 'target', 'bands', 'rank', 'manual'] as const;
const RUBRIC = `title: 全省村级擂台赛（基准）
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
          ? ', step: 0.01, floor: 0'
          : '';
  const better = i % 5 === 4 && (m === 'relative' || m === 'range') ? ', better: lower' : '';
  return `  - { code: I${i + 1}, name: 指标${i + 1}, points: 5, method: ${m}${extra}${better} }`;
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
  if (i === 17) return r < 0.2 ? 1 : 0; // B1
  if (i === 18) return r < 0.1 ? 2 : 0; // C1
  if (i === 19) return r < 0.001 ? 1 : 0; // V1
  return methods[i % methods.length] === 'manual'
    ? Math.round(r * 500) / 100
    : Math.round(r * 10000) / 100;
}

async function bench(dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const db = await freshDatabase(dialect);
  const rows: string[] = [];
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    rows.push(`${dialect.padEnd(9)} ${label.padEnd(44)} ${seconds.toFixed(2).padStart(8)} s`);
    return result;
  };
  try {
    await migrateToLatest(db.handle.db);
    const ctx: AppContext = {
      db: db.handle.db,
      actor: systemActor,
      clock: { now: () => new Date() },
    };
    await step('import Shandong divisions (37)', () => importDivision(ctx, '37'));
    const contest = await step('create contest (village-level participants)', () =>
      createContest(ctx, {
        title: '全省村级擂台赛（基准）',
        category: '基准',
        organizer: '37',
        cadence: 'month',
        participants: { under: '37', kinds: ['village', 'community', 'other'] },
      }),
    );
    const id = String(contest.id);
    await draftRubric(ctx, id, { yaml: RUBRIC });
    await publishRubric(ctx, id, 1);
    const round = await openRound(ctx, id, { period: '2026-06' });
    const roundId = String(round.id);
    await transitionRound(ctx, roundId, 'collecting');
    const units = contest.participants.map((p) => p.code);
    const codes = [...Array.from({ length: 17 }, (_, i) => `I${i + 1}`), 'B1', 'C1', 'V1'];
    await step(`enter ${units.length} units × 20 in batches of ${BATCH_UNITS} units`, async () => {
      for (let b = 0; b < units.length; b += BATCH_UNITS) {
        const items = units
          .slice(b, b + BATCH_UNITS)
          .flatMap((unit, u) =>
            codes.map((indicator, i) => ({ unit, indicator, value: value(i, b + u) })),
          );
        await saveEntries(ctx, roundId, items);
      }
    });
    await step('collecting → reviewing (compute, store results)', () =>
      transitionRound(ctx, roundId, 'reviewing'),
    );
    await step('reviewing → notice (compute again)', () => transitionRound(ctx, roundId, 'notice'));
    await step('notice → published (compute, award flags)', () =>
      transitionRound(ctx, roundId, 'published'),
    );
    rows.push(`${dialect.padEnd(9)} (${units.length} units, ${units.length * 20} entries)`);
  } finally {
    await db.handle.close();
    await db.drop();
  }
  return rows;
}

const rows = await bench('sqlite');
if (benchPgUrl) rows.push(...(await bench('postgres')));
else rows.push('postgres  skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
console.log('\nA Shandong-size round, end to end through the use cases');
for (const row of rows) console.log(`  ${row}`);
