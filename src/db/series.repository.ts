import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { SeriesTable } from './schema-outcomes.ts';

type Db = Kysely<Database>;

/** A named set of contests run together (the ten 党建 contests, the 22 boards): DESIGN §7. */
export interface Series {
  id: number;
  organizerUnitId: number;
  title: string;
  office: string;
  docPrefix: string;
  copyTo: string | null;
  printedBy: string | null;
  /** Member contests in their order. */
  contestIds: number[];
  createdAt: string;
}

async function withContests(db: Db, rows: Selectable<SeriesTable>[]): Promise<Series[]> {
  if (!rows.length) return [];
  const members = await db
    .selectFrom('series_contests')
    .select(['series_id', 'contest_id'])
    .where(
      'series_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('series_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organizerUnitId: r.organizer_unit_id,
    title: r.title,
    office: r.office,
    docPrefix: r.doc_prefix,
    copyTo: r.copy_to,
    printedBy: r.printed_by,
    contestIds: members.filter((m) => m.series_id === r.id).map((m) => m.contest_id),
    createdAt: r.created_at,
  }));
}

export async function findSeries(db: Db, id: number): Promise<Series | undefined> {
  const rows = await db.selectFrom('series').selectAll().where('id', '=', id).execute();
  return (await withContests(db, rows))[0];
}

export async function listSeries(db: Db): Promise<Series[]> {
  const rows = await db.selectFrom('series').selectAll().orderBy('id').execute();
  return withContests(db, rows);
}

/** Series that hold the contest (for grouping a workbench by series). */
export async function seriesOfContests(db: Db, contestIds: number[]) {
  if (!contestIds.length) return new Map<number, { id: number; title: string }>();
  const rows = await db
    .selectFrom('series_contests as m')
    .innerJoin('series as s', 's.id', 'm.series_id')
    .select(['m.contest_id', 's.id', 's.title'])
    .where('m.contest_id', 'in', contestIds)
    .orderBy('s.id')
    .execute();
  const out = new Map<number, { id: number; title: string }>();
  for (const r of rows)
    if (!out.has(r.contest_id)) out.set(r.contest_id, { id: r.id, title: r.title });
  return out;
}

export async function insertSeries(
  db: Db,
  s: Omit<Series, 'id' | 'createdAt'>,
  now: string,
): Promise<Series> {
  const row = await db
    .insertInto('series')
    .values({
      organizer_unit_id: s.organizerUnitId,
      title: s.title,
      office: s.office,
      doc_prefix: s.docPrefix,
      copy_to: s.copyTo,
      printed_by: s.printedBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (s.contestIds.length) {
    await db
      .insertInto('series_contests')
      .values(s.contestIds.map((c, k) => ({ series_id: row.id, contest_id: c, position: k })))
      .execute();
  }
  return (await findSeries(db, row.id))!;
}

/**
 * The series' document number for a period: the one it has, or the office's next for the year
 * (发文字号 are numbered per office and year).
 */
export async function documentNumber(
  db: Db,
  series: Series,
  period: string,
  year: number,
  now: string,
): Promise<number> {
  const existing = await db
    .selectFrom('document_numbers')
    .select('number')
    .where('series_id', '=', series.id)
    .where('period', '=', period)
    .executeTakeFirst();
  if (existing) return existing.number;
  const last = await db
    .selectFrom('document_numbers')
    .select((eb) => eb.fn.max<number>('number').as('n'))
    .where('doc_prefix', '=', series.docPrefix)
    .where('year', '=', year)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  await db
    .insertInto('document_numbers')
    .values({
      doc_prefix: series.docPrefix,
      year,
      number,
      series_id: series.id,
      period,
      issued_at: now,
    })
    .execute();
  return number;
}

export interface SeriesFlag {
  unitId: number;
  code: string;
  name: string;
  contestId: number;
  period: string;
  color: 'red' | 'yellow';
}

/** Every flag of the series' contests in a period or a year. */
export async function seriesFlags(
  db: Db,
  seriesId: number,
  f: { period?: string | undefined; year?: number | undefined },
): Promise<SeriesFlag[]> {
  let q = db
    .selectFrom('flags as f')
    .innerJoin('series_contests as m', 'm.contest_id', 'f.contest_id')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select(['f.unit_id', 'u.code', 'u.name', 'f.contest_id', 'f.period', 'f.color'])
    .where('m.series_id', '=', seriesId);
  if (f.period !== undefined) q = q.where('f.period', '=', f.period);
  if (f.year !== undefined) q = q.where('f.year', '=', f.year);
  const rows = await q.orderBy('u.code').orderBy('f.contest_id').execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    code: r.code,
    name: r.name,
    contestId: r.contest_id,
    period: r.period,
    color: r.color as 'red' | 'yellow',
  }));
}
