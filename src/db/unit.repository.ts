import { type Kysely, type Selectable, sql } from 'kysely';
import type { Unit, UnitKind, UnitRef } from '../core/units.ts';
import {
  childUnitsStep,
  containsText,
  fromDbBool,
  insertBatchSize,
  isAnyOf,
  startsWithText,
  toDbBool,
} from './dialect.ts';
import type { Database, UnitTable } from './schema.ts';

type Db = Kysely<Database>;

export function unitFromRow(row: Selectable<UnitTable>): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    active: fromDbBool(row.active),
  };
}

/** A unit by numeric id or by code (DESIGN §7: either may name a unit). */
export async function findUnit(db: Db, idOrCode: string | number): Promise<Unit | undefined> {
  const text = String(idOrCode);
  let row = await db.selectFrom('units').selectAll().where('code', '=', text).executeTakeFirst();
  if (!row && /^\d{1,9}$/.test(text)) {
    row = await db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', Number(text))
      .executeTakeFirst();
  }
  return row ? unitFromRow(row) : undefined;
}

export interface ListOptions {
  kind?: UnitKind | undefined;
  limit: number;
  offset: number;
}

/** Children of a unit (or the roots when parentId is null), ordered by code. */
export async function listChildren(
  db: Db,
  parentId: number | null,
  { kind, limit, offset }: ListOptions,
): Promise<{ items: Unit[]; total: number }> {
  let query = db.selectFrom('units').where('parent_id', parentId === null ? 'is' : '=', parentId);
  if (kind) query = query.where('kind', '=', kind);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(unitFromRow), total: Number(count.n) };
}

/** Units whose name contains the text or whose code starts with it, anywhere in the tree. */
export async function searchUnits(
  db: Db,
  text: string,
  { kind, limit, offset }: ListOptions,
): Promise<{ items: Unit[]; total: number }> {
  let query = db
    .selectFrom('units')
    .where((eb) => eb.or([containsText(db, 'name', text), startsWithText('code', text)]));
  if (kind) query = query.where('kind', '=', kind);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(unitFromRow), total: Number(count.n) };
}

/** Number of direct children of each unit. */
export async function childCounts(db: Db, ids: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('units')
    .select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', ids)
    .groupBy('parent_id')
    .execute();
  for (const row of rows) if (row.parent_id !== null) counts.set(row.parent_id, Number(row.n));
  return counts;
}

/**
 * For each unit, its path from the root down to itself (县 › 镇 › 村), in one statement however
 * many units (`isAnyOf`: one parameter, so the statement is prepared once on PostgreSQL).
 */
export async function pathsOf(db: Db, ids: number[]): Promise<Map<number, UnitRef[]>> {
  const paths = new Map<number, UnitRef[]>();
  if (ids.length === 0) return paths;
  // Each step reads one parent by its primary key, carrying the columns along: no join back to
  // `units` (which PostgreSQL planned as a scan of every unit per step and at the end).
  const rows = await db
    .withRecursive('chain(start_id, id, parent_id, code, name, kind, depth)', (qb) =>
      qb
        .selectFrom('units')
        .select([
          'id as start_id',
          'id',
          'parent_id',
          'code',
          'name',
          'kind',
          sql<number>`0`.as('depth'),
        ])
        .where(isAnyOf(db, 'id', ids))
        .unionAll(
          qb
            .selectFrom('units as p')
            .innerJoin('chain as c', 'c.parent_id', 'p.id')
            .select([
              'c.start_id',
              'p.id',
              'p.parent_id',
              'p.code',
              'p.name',
              'p.kind',
              sql<number>`c.depth + 1`.as('depth'),
            ]),
        ),
    )
    .selectFrom('chain')
    .select(['start_id', 'depth', 'id', 'code', 'name', 'kind'])
    .orderBy('start_id')
    .orderBy('depth', 'desc')
    .execute();
  for (const row of rows) {
    const path = paths.get(row.start_id) ?? [];
    path.push({ id: row.id, code: row.code, name: row.name, kind: row.kind });
    paths.set(row.start_id, path);
  }
  return paths;
}

/** A query that can select from `subtree(id)`: the unit and every unit below it. */
export function withSubtree(db: Db, rootId: number) {
  return db.withRecursive('subtree(id)', (qb) =>
    qb.selectFrom('units').select('id').where('id', '=', rootId).unionAll(childUnitsStep(db, qb)),
  );
}

/** True when `candidate` is `ancestor` itself or lies in its subtree. */
export async function isInSubtree(db: Db, ancestor: number, candidate: number): Promise<boolean> {
  const path = (await pathsOf(db, [candidate])).get(candidate) ?? [];
  return path.some((u) => u.id === ancestor);
}

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  source: 'division' | 'custom';
}

export async function insertUnit(db: Db, unit: NewUnit, now: string): Promise<Unit> {
  const row = await db
    .insertInto('units')
    .values({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parent_id: unit.parentId,
      source: unit.source,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return unitFromRow(row);
}

/** Inserts many units in multi-row batches; returns code → id of the new rows. */
export async function insertUnits(
  db: Db,
  units: NewUnit[],
  now: string,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const size = insertBatchSize(db, 7);
  for (let i = 0; i < units.length; i += size) {
    const rows = await db
      .insertInto('units')
      .values(
        units.slice(i, i + size).map((u) => ({
          code: u.code,
          name: u.name,
          kind: u.kind,
          parent_id: u.parentId,
          source: u.source,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'code'])
      .execute();
    for (const row of rows) ids.set(row.code, row.id);
  }
  return ids;
}

export interface UnitChanges {
  name?: string;
  kind?: UnitKind;
  parentId?: number | null;
  active?: boolean;
}

export async function updateUnit(db: Db, id: number, changes: UnitChanges, now: string) {
  const row = await db
    .updateTable('units')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.parentId !== undefined ? { parent_id: changes.parentId } : {}),
      ...(changes.active !== undefined ? { active: toDbBool(changes.active) } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return unitFromRow(row);
}

/** Every unit whose code starts with the prefix, as stored (for idempotent re-imports). */
export async function unitsByCodePrefix(db: Db, prefix: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind', 'parent_id'])
    .where(startsWithText('code', prefix))
    .execute();
}

export async function unitsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind', 'parent_id'])
    .where('code', 'in', codes)
    .execute();
}

/**
 * The units a participant rule `{ under, kinds }` selects: the active units of those kinds
 * strictly below `underId`, by code. Contests, their town instances and assessments all resolve
 * a rule here, so a deactivated unit joins none of them; a unit a list names is taken as named.
 */
export async function unitsByRule(db: Db, underId: number, kinds: readonly UnitKind[]) {
  if (kinds.length === 0) return [];
  const rows = await withSubtree(db, underId)
    .selectFrom('units')
    .selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('subtree').select('subtree.id'))
    .where('kind', 'in', kinds)
    .where('active', '=', toDbBool(true))
    .where('id', '!=', underId)
    .orderBy('code')
    .execute();
  return rows.map(unitFromRow);
}

/** Each unit's code and name by id, for showing beside an id (ids not found are left out). */
export async function unitLabels(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { id: number; code: string; name: string }>> {
  const labels = new Map<number, { id: number; code: string; name: string }>();
  const unique = [...new Set(ids)];
  // In chunks: SQLite binds a limited number of parameters per statement.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('units')
      .select(['id', 'code', 'name'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const row of rows) labels.set(row.id, row);
  }
  return labels;
}
