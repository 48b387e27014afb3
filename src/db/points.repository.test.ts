// The board's scope in one read (points.repository.ts `boardScope`), on both databases: the unit
// by code, else by id (as findUnit), its path from the root, and the points version beside it.
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { isAnyOf } from './dialect.ts';
import { boardScope, bumpPointsVersion, pointsVersion } from './points.repository.ts';

describeEachDialect('board scope', (use) => {
  it('finds the unit by code or id, with its path and the points version', async () => {
    const db = use().ctx.db;
    const now = '2026-12-01T00:00:00Z';
    const add = async (code: string, kind: 'county' | 'town' | 'village', parent: number | null) =>
      (
        await db
          .insertInto('units')
          .values({
            code,
            name: `单位${code}`,
            kind,
            parent_id: parent,
            source: 'custom',
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const county = await add('BS-C', 'county', null);
    const town = await add('BS-T', 'town', county);
    const village = await add('BS-V', 'village', town);
    await bumpPointsVersion(db);
    const version = await pointsVersion(db);
    const byCode = await boardScope(db, 'BS-V');
    expect(byCode).toMatchObject({
      unit: { id: village, code: 'BS-V' },
      path: [county, town, village],
      version,
    });
    expect(await boardScope(db, String(town))).toMatchObject({
      unit: { code: 'BS-T' },
      path: [county, town],
    });
    expect(await boardScope(db, 'BS-none')).toBeUndefined();
    expect(await boardScope(db, '999999999')).toBeUndefined();
    // A code that looks like an id is a code first.
    const numeric = await add(String(county), 'town', county);
    expect((await boardScope(db, String(county)))?.unit.id).toBe(numeric);
  });
});

describeEachDialect('isAnyOf', (use) => {
  it('matches a list of any length in one parameter, past both databases’ parameter limits', async () => {
    const db = use().ctx.db;
    const now = '2026-12-01T00:00:00Z';
    const unit = (code: string) => ({
      code,
      name: code,
      kind: 'village' as const,
      parent_id: null,
      source: 'custom',
      created_at: now,
      updated_at: now,
    });
    await db
      .insertInto('units')
      .values([unit('ANY-1'), unit('ANY-2'), unit('ANY-3')])
      .execute();
    const ids = (await db.selectFrom('units').select('id').where('code', 'like', 'ANY-%').execute())
      .map((u) => u.id)
      .slice(0, 2);
    // 70,000 ids: more than PostgreSQL's 65,535 parameters and SQLite's 32,766.
    const many = [...ids, ...Array.from({ length: 70_000 }, (_, i) => 2 ** 31 + i)];
    const found = await db
      .selectFrom('units')
      .select('id')
      .where(isAnyOf(db, 'id', many))
      .execute();
    expect(found.map((u) => u.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    const none = await db
      .selectFrom('units')
      .select('id')
      .where(isAnyOf(db, 'id', []))
      .execute();
    expect(none).toEqual([]);
  });
});
