// Names of what audit events are about, so the log reads "组织建设 2026年10月" and "黄山铺镇",
// not "期次 #5": one query per entity type over the ids of one page of events.
import type { Kysely } from 'kysely';
import { periodLabel } from '../core/period.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/** An event's target as stored: its type and id (`contestId:version` for a rubric). */
export interface AuditTarget {
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Unit ids named inside before/after (`unit` or `unitId` of entries written or corrected). */
export function unitIdsInDetails(targets: AuditTarget[]): number[] {
  const found = new Set<number>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value.slice(0, 2000)) visit(v, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'unit' || key === 'unitId') && typeof v === 'number') found.add(v);
      else visit(v, depth + 1);
    }
  };
  for (const t of targets) {
    visit(t.before, 0);
    visit(t.after, 0);
  }
  return [...found];
}

const ids = (targets: AuditTarget[], type: string) => [
  ...new Set(
    targets
      .filter((t) => t.entityType === type)
      .map((t) => Number(t.entityId))
      .filter((n) => Number.isInteger(n)),
  ),
];

/** `type:id` → a readable name, for every target that still exists. */
export async function auditTargetNames(
  db: Db,
  targets: AuditTarget[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const put = (type: string, id: string | number, name: string) => names.set(`${type}:${id}`, name);

  const unitIds = [...new Set([...ids(targets, 'unit'), ...unitIdsInDetails(targets)])];
  if (unitIds.length)
    for (const r of await db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('id', 'in', unitIds)
      .execute())
      put('unit', r.id, r.name);

  const divisions = [
    ...new Set(targets.filter((t) => t.entityType === 'division').map((t) => t.entityId)),
  ];
  if (divisions.length)
    for (const r of await db
      .selectFrom('units')
      .select(['code', 'name'])
      .where('code', 'in', divisions)
      .execute())
      put('division', r.code, r.name);

  const userIds = ids(targets, 'user');
  if (userIds.length)
    for (const r of await db
      .selectFrom('users')
      .select(['id', 'display_name', 'username'])
      .where('id', 'in', userIds)
      .execute())
      put('user', r.id, `${r.display_name}（${r.username}）`);

  const tokenIds = ids(targets, 'api_token');
  if (tokenIds.length)
    for (const r of await db
      .selectFrom('api_tokens')
      .select(['id', 'name'])
      .where('id', 'in', tokenIds)
      .execute())
      put('api_token', r.id, r.name);

  const contestIds = [
    ...ids(targets, 'contest'),
    ...targets
      .filter((t) => t.entityType === 'rubric')
      .map((t) => Number(t.entityId.split(':')[0]))
      .filter((n) => Number.isInteger(n)),
  ];
  if (contestIds.length) {
    const titles = new Map(
      (
        await db
          .selectFrom('contests')
          .select(['id', 'title'])
          .where('id', 'in', [...new Set(contestIds)])
          .execute()
      ).map((r) => [r.id, r.title]),
    );
    for (const [id, title] of titles) put('contest', id, title);
    for (const t of targets.filter((x) => x.entityType === 'rubric')) {
      const [contest, version] = t.entityId.split(':');
      const title = titles.get(Number(contest));
      if (title) put('rubric', t.entityId, `${title} 评分标准第 ${version} 版`);
    }
  }

  const roundIds = ids(targets, 'round');
  if (roundIds.length)
    for (const r of await db
      .selectFrom('rounds')
      .innerJoin('contests', 'contests.id', 'rounds.contest_id')
      .select(['rounds.id', 'rounds.period', 'contests.title'])
      .where('rounds.id', 'in', roundIds)
      .execute())
      put('round', r.id, `${r.title} ${periodLabel(r.period)}`);

  const entryIds = ids(targets, 'entry');
  if (entryIds.length)
    for (const r of await db
      .selectFrom('entries')
      .innerJoin('rounds', 'rounds.id', 'entries.round_id')
      .innerJoin('contests', 'contests.id', 'rounds.contest_id')
      .innerJoin('units', 'units.id', 'entries.unit_id')
      .select([
        'entries.id',
        'entries.indicator_code',
        'rounds.period',
        'contests.title',
        'units.name',
      ])
      .where('entries.id', 'in', entryIds)
      .execute())
      put('entry', r.id, `${r.title} ${periodLabel(r.period)} · ${r.name} · ${r.indicator_code}`);

  const appealIds = ids(targets, 'appeal');
  if (appealIds.length)
    for (const r of await db
      .selectFrom('appeals')
      .innerJoin('rounds', 'rounds.id', 'appeals.round_id')
      .innerJoin('contests', 'contests.id', 'rounds.contest_id')
      .innerJoin('units', 'units.id', 'appeals.unit_id')
      .select([
        'appeals.id',
        'appeals.indicator_code',
        'rounds.period',
        'contests.title',
        'units.name',
      ])
      .where('appeals.id', 'in', appealIds)
      .execute())
      put(
        'appeal',
        r.id,
        `${r.name}对${r.title} ${periodLabel(r.period)} ${r.indicator_code} 的申诉`,
      );

  const practiceIds = ids(targets, 'practice');
  if (practiceIds.length)
    for (const r of await db
      .selectFrom('practices')
      .select(['id', 'title'])
      .where('id', 'in', practiceIds)
      .execute())
      put('practice', r.id, r.title);

  const assessmentIds = ids(targets, 'assessment');
  if (assessmentIds.length)
    for (const r of await db
      .selectFrom('assessments')
      .select(['id', 'title', 'year'])
      .where('id', 'in', assessmentIds)
      .execute())
      put('assessment', r.id, `${r.year}年${r.title}`);

  return names;
}
