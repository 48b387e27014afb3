import { systemActor } from '../src/app/context.ts';
import { importDivision } from '../src/app/import-division.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { benchPgUrl, freshDatabase } from './support.ts';

const scales = [
  ['371323', '沂水县 Yishui'],
  ['3713', '临沂市 Linyi'],
  ['37', '山东省 Shandong'],
] as const;

async function time<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, (performance.now() - started) / 1000];
}

async function benchDialect(dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const rows: string[] = [];
  const report = (label: string, s: { total: number; inserted: number }, seconds: number) =>
    rows.push(
      `${dialect.padEnd(10)} ${label.padEnd(30)} ${String(s.total).padStart(7)} units  ${seconds.toFixed(2).padStart(6)} s  (+${s.inserted} new)`,
    );
  for (const [code, label] of scales) {
    const db = await freshDatabase(dialect);
    try {
      await migrateToLatest(db.handle.db);
      const ctx = { db: db.handle.db, actor: systemActor, clock: { now: () => new Date() } };
      const [summary, seconds] = await time(() => importDivision(ctx, code));
      report(label, summary, seconds);
      if (code === '37') {
        const [again, secondsAgain] = await time(() => importDivision(ctx, code));
        report(`${label}, re-import`, again, secondsAgain);
      }
    } finally {
      await db.handle.close();
      await db.drop();
    }
  }
  return rows;
}

const rows = await benchDialect('sqlite');
if (benchPgUrl) rows.push(...(await benchDialect('postgres')));
else rows.push('postgres   skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');

console.log('\nleitai units import — fresh database per scale (target: Shandong < 30 s on SQLite)');
for (const row of rows) console.log(`  ${row}`);
