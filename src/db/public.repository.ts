// The public contest list in two queries, whatever the number of contests (issue 12: it was a
// query per contest, 55 req/s on PostgreSQL).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

export interface PublishedContestRow {
  id: number;
  title: string;
  category: string;
  cadence: string;
  organizerCode: string;
  organizerName: string;
  /** Published rounds, oldest period first. */
  rounds: { id: number; period: string; publishedAt: string | null }[];
}

/** Contests with at least one published round (of a category, when given), by id. */
export async function listPublishedContests(
  db: Db,
  category: string | undefined,
): Promise<PublishedContestRow[]> {
  let contests = db
    .selectFrom('contests as c')
    .innerJoin('units as u', 'u.id', 'c.organizer_unit_id')
    .select([
      'c.id',
      'c.title',
      'c.category',
      'c.cadence',
      'u.code as organizer_code',
      'u.name as organizer_name',
    ])
    .where('c.id', 'in', (eb) =>
      eb.selectFrom('rounds').select('contest_id').where('state', '=', 'published'),
    );
  let rounds = db
    .selectFrom('rounds as r')
    .select(['r.id', 'r.contest_id', 'r.period', 'r.published_at'])
    .where('r.state', '=', 'published');
  if (category) {
    contests = contests.where('c.category', '=', category);
    rounds = rounds.where('r.contest_id', 'in', (eb) =>
      eb.selectFrom('contests').select('id').where('category', '=', category),
    );
  }
  const [contestRows, roundRows] = await Promise.all([
    contests.orderBy('c.id').execute(),
    rounds.orderBy('r.contest_id').orderBy('r.period').execute(),
  ]);
  const byContest = new Map<number, PublishedContestRow['rounds']>();
  for (const r of roundRows) {
    let list = byContest.get(r.contest_id);
    if (!list) {
      list = [];
      byContest.set(r.contest_id, list);
    }
    list.push({ id: r.id, period: r.period, publishedAt: r.published_at });
  }
  return contestRows.map((c) => ({
    id: c.id,
    title: c.title,
    category: c.category,
    cadence: c.cadence,
    organizerCode: c.organizer_code,
    organizerName: c.organizer_name,
    rounds: byContest.get(c.id) ?? [],
  }));
}

/**
 * What changes whenever a round is published or corrected: how many rounds are published, the
 * sum of their revisions and the latest publication time. PostgreSQL returns the count and the
 * sum as text, SQLite as numbers; either prints the same.
 */
export async function publishedRoundsStamp(
  db: Db,
): Promise<{ n: number | string; revisions: number | string | null; latest: string | null }> {
  const row = await db
    .selectFrom('rounds')
    .select((eb) => [
      eb.fn.max('published_at').as('latest'),
      eb.fn.sum<number>('revision').as('revisions'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('state', '=', 'published')
    .executeTakeFirstOrThrow();
  return { n: row.n, revisions: row.revisions, latest: row.latest };
}
