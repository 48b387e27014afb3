// The public face of the notice (公示, DESIGN §2): every round in notice with its preliminary
// results and the end of its window, marked 公示中, so anyone may read and object in time.
import type { Kysely } from 'kysely';
import { periodLabel } from '../core/period.ts';
import { noticesOf } from '../db/notice.repository.ts';
import { listResults } from '../db/result.repository.ts';
import type { Database } from '../db/schema.ts';

export async function publicNotices(db: Kysely<Database>) {
  const rounds = await db
    .selectFrom('rounds as r')
    .innerJoin('contests as c', 'c.id', 'r.contest_id')
    .select(['r.id', 'r.period', 'r.revision', 'c.id as contestId', 'c.title', 'c.category'])
    .where('r.state', '=', 'notice')
    .orderBy('c.id')
    .execute();
  const notices = await noticesOf(
    db,
    rounds.map((r) => r.id),
  );
  const items = [];
  for (const r of rounds) {
    const n = notices.get(r.id);
    const results = await listResults(db, r.id, r.revision);
    items.push({
      id: r.id,
      period: r.period,
      periodLabel: periodLabel(r.period),
      contest: { id: r.contestId, title: r.title, category: r.category },
      stateName: '公示中',
      noticeStartedAt: n?.startedAt ?? null,
      noticeEndsAt: n?.endsAt ?? null,
      results: results.map((x) => ({
        code: x.code,
        name: x.name,
        group: x.group,
        total: x.total,
        rank: x.rank,
        flag: x.flag,
      })),
    });
  }
  return { items, total: items.length };
}
