import { type Kysely, type Selectable, sql } from 'kysely';
import { dialectOf, insertBatchSize, insertRows } from './dialect.ts';
import type { Database, EntryTable, VerificationTable } from './schema.ts';

type Db = Kysely<Database>;

export interface Entry {
  id: number;
  roundId: number;
  unitId: number;
  indicator: string;
  value: number | null;
  note: string | null;
  version: number;
  enteredBy: number | null;
  enteredAt: string;
}

export function entryFromRow(row: Selectable<EntryTable>): Entry {
  return {
    id: row.id,
    roundId: row.round_id,
    unitId: row.unit_id,
    indicator: row.indicator_code,
    value: row.value,
    note: row.note,
    version: row.version,
    enteredBy: row.entered_by,
    enteredAt: row.entered_at,
  };
}

export async function listEntries(db: Db, roundId: number, unitId?: number): Promise<Entry[]> {
  let q = db.selectFrom('entries').selectAll().where('round_id', '=', roundId);
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  const rows = await q.orderBy('unit_id').orderBy('indicator_code').execute();
  return rows.map(entryFromRow);
}

/** The round's entries of the given units only (a batch's), in chunks the drivers accept. */
export async function entriesOfUnits(db: Db, roundId: number, unitIds: number[]): Promise<Entry[]> {
  const out: Entry[] = [];
  const unique = [...new Set(unitIds)];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db
      .selectFrom('entries')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('unit_id', 'in', unique.slice(i, i + 1000))
      .execute();
    for (const row of rows) out.push(entryFromRow(row));
  }
  return out;
}

export async function findEntry(db: Db, id: number): Promise<Entry | undefined> {
  const row = await db.selectFrom('entries').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? entryFromRow(row) : undefined;
}

export async function findEntryFor(db: Db, roundId: number, unitId: number, indicator: string) {
  const row = await db
    .selectFrom('entries')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .where('indicator_code', '=', indicator)
    .executeTakeFirst();
  return row ? entryFromRow(row) : undefined;
}

export interface EntryWrite {
  unitId: number;
  indicator: string;
  value: number | null;
  note: string | null;
}

const ENTRY_COLUMNS = [
  'round_id',
  'unit_id',
  'indicator_code',
  'value',
  'note',
  'version',
  'entered_by',
  'entered_at',
] as const;

/**
 * Saves entries: new ones inserted in batches, existing ones updated with their version raised.
 * `existing` maps `unitId:indicator` to the stored entry (the caller has checked versions).
 */
export async function saveEntries(
  db: Db,
  roundId: number,
  writes: EntryWrite[],
  existing: ReadonlyMap<string, Entry>,
  by: number | null,
  now: string,
): Promise<void> {
  const fresh = writes.filter((w) => !existing.has(`${w.unitId}:${w.indicator}`));
  // COPY on PostgreSQL for a large sheet (a national round's), multi-row INSERTs otherwise.
  await insertRows(
    db,
    'entries',
    ENTRY_COLUMNS,
    fresh.map((w) => [roundId, w.unitId, w.indicator, w.value, w.note, 1, by, now]),
  );
  // The stored results no longer follow from the entries (computeRound's basis).
  if (writes.length) {
    await db
      .updateTable('rounds')
      .set((eb) => ({ entries_serial: eb('entries_serial', '+', 1) }))
      .where('id', '=', roundId)
      .execute();
  }
  const changed = writes.flatMap((w) => {
    const old = existing.get(`${w.unitId}:${w.indicator}`);
    return old ? [{ old, value: w.value, note: w.note }] : [];
  });
  // One UPDATE per batch, compare-and-set on the version: a concurrent save that got there first
  // leaves its entry out of the count, and the whole batch is refused.
  const rows = Math.max(1, Math.floor(insertBatchSize(db, 4) / 2));
  for (let i = 0; i < changed.length; i += rows) {
    const slice = changed.slice(i, i + rows);
    const data = sql.join(
      slice.map(
        (c) =>
          sql`(cast(${c.old.id} as integer), cast(${c.old.version} as integer), cast(${c.value} as double precision), cast(${c.note} as text))`,
      ),
    );
    const done = await sql`
      with data(id, version, value, note) as (values ${data})
      update entries
      set value = data.value, note = data.note, version = entries.version + 1,
          entered_by = ${by}, entered_at = ${now}
      from data
      where entries.id = data.id and entries.version = data.version`.execute(db);
    if (Number(done.numAffectedRows ?? 0) !== slice.length)
      throw new StaleEntryError(slice[0]!.old);
  }
}

/** Another save changed the entry between reading and writing it. */
export class StaleEntryError extends Error {
  constructor(readonly entry: Entry) {
    super(`entry ${entry.id} changed concurrently`);
  }
}

export async function insertVerification(
  db: Db,
  v: {
    entryId: number;
    kind: VerificationTable['kind'];
    checkedOn: string;
    finding: string;
    userId: number | null;
  },
  now: string,
) {
  return db
    .insertInto('verifications')
    .values({
      entry_id: v.entryId,
      kind: v.kind,
      checked_on: v.checkedOn,
      finding: v.finding,
      user_id: v.userId,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Verifications of a round's entries, with who made them. */
export async function listVerifications(db: Db, roundId: number) {
  return db
    .selectFrom('verifications as v')
    .innerJoin('entries as e', 'e.id', 'v.entry_id')
    .leftJoin('users as u', 'u.id', 'v.user_id')
    .select([
      'v.id',
      'v.entry_id',
      'e.unit_id',
      'e.indicator_code',
      'v.kind',
      'v.checked_on',
      'v.finding',
      'u.display_name',
      'v.created_at',
    ])
    .where('e.round_id', '=', roundId)
    .orderBy('v.id')
    .execute();
}

export async function insertEvidence(
  db: Db,
  f: {
    entryId: number;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
    uploadedBy: number | null;
  },
  now: string,
) {
  return db
    .insertInto('evidence_files')
    .values({
      entry_id: f.entryId,
      filename: f.filename,
      content_type: f.contentType,
      size: f.size,
      sha256: f.sha256,
      uploaded_by: f.uploadedBy,
      uploaded_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listEvidence(db: Db, roundId: number) {
  return db
    .selectFrom('evidence_files as f')
    .innerJoin('entries as e', 'e.id', 'f.entry_id')
    .select([
      'f.id',
      'f.entry_id',
      'e.unit_id',
      'e.indicator_code',
      'f.filename',
      'f.content_type',
      'f.size',
      'f.uploaded_at',
    ])
    .where('e.round_id', '=', roundId)
    .orderBy('f.id')
    .execute();
}

export async function findEvidence(db: Db, id: number) {
  return db
    .selectFrom('evidence_files as f')
    .innerJoin('entries as e', 'e.id', 'f.entry_id')
    .select([
      'f.id',
      'f.filename',
      'f.content_type',
      'f.size',
      'f.sha256',
      'e.round_id',
      'e.unit_id',
      'e.indicator_code',
    ])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

/**
 * Each unit's values of the round (indicator → value), for the engine. On PostgreSQL grouped by
 * unit in the database (one row a unit, not one an entry: a national round has 12 million);
 * elsewhere read entry by entry.
 */
export async function entryValuesByUnit(
  db: Db,
  roundId: number,
): Promise<Map<number, Record<string, number | null>>> {
  const byUnit = new Map<number, Record<string, number | null>>();
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ unit_id: number; codes: string[]; vals: (number | null)[] }>`
      select unit_id, array_agg(indicator_code) as codes, array_agg(value) as vals
      from entries where round_id = ${roundId} group by unit_id`.execute(db);
    for (const r of rows) {
      const values: Record<string, number | null> = {};
      for (let i = 0; i < r.codes.length; i++) values[r.codes[i]!] = r.vals[i] ?? null;
      byUnit.set(r.unit_id, values);
    }
    return byUnit;
  }
  const rows = await db
    .selectFrom('entries')
    .select(['unit_id', 'indicator_code', 'value'])
    .where('round_id', '=', roundId)
    .execute();
  for (const r of rows) {
    const values = byUnit.get(r.unit_id) ?? {};
    values[r.indicator_code] = r.value;
    byUnit.set(r.unit_id, values);
  }
  return byUnit;
}
