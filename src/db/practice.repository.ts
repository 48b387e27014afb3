import type { Kysely, Selectable } from 'kysely';
import { lockedInTransaction } from './dialect.ts';
import type { Database, PracticeTable } from './schema.ts';

type Db = Kysely<Database>;

export interface Practice {
  id: number;
  contestId: number;
  roundId: number | null;
  unitId: number;
  title: string;
  summary: string | null;
  bodyHtml: string;
  status: 'draft' | 'published';
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export function practiceFromRow(row: Selectable<PracticeTable>): Practice {
  return {
    id: row.id,
    contestId: row.contest_id,
    roundId: row.round_id,
    unitId: row.unit_id,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    status: row.status as Practice['status'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

/** A practice; inside a transaction its row stays locked until the transaction ends. */
export async function findPractice(db: Db, id: number): Promise<Practice | undefined> {
  const row = await lockedInTransaction(
    db,
    db.selectFrom('practices').selectAll().where('id', '=', id),
  ).executeTakeFirst();
  return row ? practiceFromRow(row) : undefined;
}

export async function insertPractice(
  db: Db,
  p: Omit<Practice, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'publishedAt'> & {
    createdBy: number | null;
  },
  now: string,
): Promise<Practice> {
  const row = await db
    .insertInto('practices')
    .values({
      contest_id: p.contestId,
      round_id: p.roundId,
      unit_id: p.unitId,
      title: p.title,
      summary: p.summary,
      body_html: p.bodyHtml,
      status: 'draft',
      created_by: p.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return practiceFromRow(row);
}

export async function updatePractice(
  db: Db,
  id: number,
  c: Partial<
    Pick<
      Practice,
      'title' | 'summary' | 'bodyHtml' | 'roundId' | 'unitId' | 'status' | 'publishedAt'
    >
  >,
  now: string,
): Promise<Practice> {
  const row = await db
    .updateTable('practices')
    .set({
      ...(c.title !== undefined ? { title: c.title } : {}),
      ...(c.summary !== undefined ? { summary: c.summary } : {}),
      ...(c.bodyHtml !== undefined ? { body_html: c.bodyHtml } : {}),
      ...(c.roundId !== undefined ? { round_id: c.roundId } : {}),
      ...(c.unitId !== undefined ? { unit_id: c.unitId } : {}),
      ...(c.status !== undefined ? { status: c.status } : {}),
      ...(c.publishedAt !== undefined ? { published_at: c.publishedAt } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return practiceFromRow(row);
}

export interface PracticeFilter {
  contestId?: number | undefined;
  roundId?: number | undefined;
  unitId?: number | undefined;
  publishedOnly: boolean;
  limit: number;
  offset: number;
}

export async function listPractices(db: Db, f: PracticeFilter) {
  let q = db.selectFrom('practices');
  if (f.contestId !== undefined) q = q.where('contest_id', '=', f.contestId);
  if (f.roundId !== undefined) q = q.where('round_id', '=', f.roundId);
  if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId);
  if (f.publishedOnly) q = q.where('status', '=', 'published');
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(practiceFromRow), total: Number(count.n) };
}

export async function insertPublicImage(
  db: Db,
  i: { sha256: string; contentType: string; size: number; uploadedBy: number | null },
  now: string,
) {
  return db
    .insertInto('public_images')
    .values({
      sha256: i.sha256,
      content_type: i.contentType,
      size: i.size,
      uploaded_by: i.uploadedBy,
      uploaded_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findPublicImage(db: Db, id: number) {
  return db.selectFrom('public_images').selectAll().where('id', '=', id).executeTakeFirst();
}
