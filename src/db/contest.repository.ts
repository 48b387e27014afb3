import type { Kysely, Selectable } from 'kysely';
import type { Cadence } from '../core/period.ts';
import type { Rubric } from '../core/rubric.ts';
import { insertBatchSize, lockedInTransaction } from './dialect.ts';
import type { ContestTable, Database, RubricVersionTable } from './schema.ts';

type Db = Kysely<Database>;

export interface Contest {
  id: number;
  organizerUnitId: number;
  title: string;
  category: string;
  cadence: Cadence;
  description: string | null;
  /** Cadences beside `cadence` (周通报, 月考核, 季评比 of one contest). */
  extraCadences: Cadence[];
  isTemplate: boolean;
  templateId: number | null;
  /** Cadences whose rounds award flags (DESIGN §2; default the main cadence only). */
  flagCadences: Cadence[];
  /** Days of the notice (公示) window (default 3). */
  noticeDays: number;
  createdAt: string;
}

/** The notice window when a contest names none: DESIGN §2. */
export const DEFAULT_NOTICE_DAYS = 3;

export function contestFromRow(row: Selectable<ContestTable>): Contest {
  return {
    id: row.id,
    organizerUnitId: row.organizer_unit_id,
    title: row.title,
    category: row.category,
    cadence: row.cadence as Cadence,
    description: row.description,
    extraCadences: row.extra_cadences ? (row.extra_cadences.split(',') as Cadence[]) : [],
    isTemplate: row.is_template === 1,
    templateId: row.template_id,
    flagCadences: row.flag_cadences
      ? (row.flag_cadences.split(',').filter(Boolean) as Cadence[])
      : [row.cadence as Cadence],
    noticeDays: row.notice_days ?? DEFAULT_NOTICE_DAYS,
    createdAt: row.created_at,
  };
}

/** A contest; inside a transaction its row stays locked until the transaction ends. */
export async function findContest(db: Db, id: number): Promise<Contest | undefined> {
  const row = await lockedInTransaction(
    db,
    db.selectFrom('contests').selectAll().where('id', '=', id),
  ).executeTakeFirst();
  return row ? contestFromRow(row) : undefined;
}

export async function insertContest(
  db: Db,
  c: Omit<Contest, 'id' | 'createdAt' | 'flagCadences' | 'noticeDays'> &
    Partial<Pick<Contest, 'flagCadences' | 'noticeDays'>>,
  now: string,
): Promise<Contest> {
  const row = await db
    .insertInto('contests')
    .values({
      organizer_unit_id: c.organizerUnitId,
      title: c.title,
      category: c.category,
      cadence: c.cadence,
      description: c.description,
      extra_cadences: c.extraCadences.length ? c.extraCadences.join(',') : null,
      is_template: c.isTemplate ? 1 : 0,
      template_id: c.templateId,
      flag_cadences: c.flagCadences ? c.flagCadences.join(',') : null,
      notice_days: c.noticeDays ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return contestFromRow(row);
}

export async function updateContest(
  db: Db,
  id: number,
  c: Partial<Pick<Contest, 'title' | 'category' | 'description' | 'flagCadences' | 'noticeDays'>>,
  now: string,
): Promise<void> {
  const { flagCadences, noticeDays, ...rest } = c;
  await db
    .updateTable('contests')
    .set({
      ...rest,
      ...(flagCadences !== undefined ? { flag_cadences: flagCadences.join(',') } : {}),
      ...(noticeDays !== undefined ? { notice_days: noticeDays } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export interface ContestFilter {
  category?: string | undefined;
  organizerUnitId?: number | undefined;
  /** Only contests this unit takes part in. */
  participantUnitId?: number | undefined;
  limit: number;
  offset: number;
}

export async function listContests(db: Db, f: ContestFilter) {
  let q = db.selectFrom('contests');
  if (f.category) q = q.where('category', '=', f.category);
  if (f.organizerUnitId !== undefined) q = q.where('organizer_unit_id', '=', f.organizerUnitId);
  if (f.participantUnitId !== undefined) {
    const unitId = f.participantUnitId;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('contest_participants').select('contest_id').where('unit_id', '=', unitId),
    );
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(contestFromRow), total: Number(count.n) };
}

export interface Participant {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  group: string;
}

export async function listParticipants(db: Db, contestId: number): Promise<Participant[]> {
  const rows = await db
    .selectFrom('contest_participants as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'p.group_label'])
    .where('p.contest_id', '=', contestId)
    .orderBy('u.code')
    .execute();
  return rows.map((r) => ({
    unitId: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    group: r.group_label,
  }));
}

export async function isParticipant(db: Db, contestId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('contest_participants')
    .select('unit_id')
    .where('contest_id', '=', contestId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function replaceParticipants(
  db: Db,
  contestId: number,
  participants: { unitId: number; group: string }[],
): Promise<void> {
  await db.deleteFrom('contest_participants').where('contest_id', '=', contestId).execute();
  const size = insertBatchSize(db, 3);
  for (let i = 0; i < participants.length; i += size) {
    await db
      .insertInto('contest_participants')
      .values(
        participants
          .slice(i, i + size)
          .map((p) => ({ contest_id: contestId, unit_id: p.unitId, group_label: p.group })),
      )
      .execute();
  }
}

export async function listEvaluators(db: Db, contestId: number) {
  return db
    .selectFrom('contest_evaluators as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.indicator_code', 'u.id', 'u.code', 'u.name', 'u.kind'])
    .where('e.contest_id', '=', contestId)
    .orderBy('e.indicator_code')
    .execute();
}

export async function replaceEvaluators(
  db: Db,
  contestId: number,
  evaluators: { indicatorCode: string; unitId: number }[],
): Promise<void> {
  await db.deleteFrom('contest_evaluators').where('contest_id', '=', contestId).execute();
  if (evaluators.length === 0) return;
  await db
    .insertInto('contest_evaluators')
    .values(
      evaluators.map((e) => ({
        contest_id: contestId,
        indicator_code: e.indicatorCode,
        unit_id: e.unitId,
      })),
    )
    .execute();
}

/** Contests in which the unit leads (evaluates) at least one indicator. */
export async function contestsEvaluatedBy(db: Db, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('contest_evaluators')
    .select('contest_id')
    .distinct()
    .where('unit_id', '=', unitId)
    .execute();
  return rows.map((r) => r.contest_id);
}

export interface RubricVersion {
  id: number;
  contestId: number;
  version: number;
  status: 'draft' | 'published';
  source: string;
  rubric: Rubric;
  createdAt: string;
  publishedAt: string | null;
}

export function rubricVersionFromRow(row: Selectable<RubricVersionTable>): RubricVersion {
  return {
    id: row.id,
    contestId: row.contest_id,
    version: row.version,
    status: row.status as RubricVersion['status'],
    source: row.source,
    rubric: JSON.parse(row.rubric_json) as Rubric,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}

export async function listRubricVersions(db: Db, contestId: number): Promise<RubricVersion[]> {
  const rows = await db
    .selectFrom('rubric_versions')
    .selectAll()
    .where('contest_id', '=', contestId)
    .orderBy('version')
    .execute();
  return rows.map(rubricVersionFromRow);
}

export async function findRubricVersionById(
  db: Db,
  id: number,
): Promise<RubricVersion | undefined> {
  const row = await db
    .selectFrom('rubric_versions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? rubricVersionFromRow(row) : undefined;
}

export async function insertRubricVersion(
  db: Db,
  v: { contestId: number; version: number; source: string; rubric: Rubric },
  now: string,
): Promise<RubricVersion> {
  const row = await db
    .insertInto('rubric_versions')
    .values({
      contest_id: v.contestId,
      version: v.version,
      status: 'draft',
      source: v.source,
      rubric_json: JSON.stringify(v.rubric),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rubricVersionFromRow(row);
}

export async function replaceDraftRubric(
  db: Db,
  id: number,
  v: { source: string; rubric: Rubric },
  now: string,
): Promise<RubricVersion> {
  const row = await db
    .updateTable('rubric_versions')
    .set({ source: v.source, rubric_json: JSON.stringify(v.rubric), created_at: now })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirstOrThrow();
  return rubricVersionFromRow(row);
}

export async function publishRubricVersion(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('rubric_versions')
    .set({ status: 'published', published_at: now })
    .where('id', '=', id)
    .execute();
}

/** A town's contest made from a county template, if the town has made one (三级联动). */
export async function findInstance(
  db: Db,
  templateId: number,
  organizerUnitId: number,
): Promise<Contest | undefined> {
  const row = await db
    .selectFrom('contests')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('organizer_unit_id', '=', organizerUnitId)
    .executeTakeFirst();
  return row ? contestFromRow(row) : undefined;
}

/** Every town's contest made from a template, in the order they were made. */
export async function listInstances(db: Db, templateId: number): Promise<Contest[]> {
  const rows = await db
    .selectFrom('contests')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('id')
    .execute();
  return rows.map(contestFromRow);
}

/** A county-board indicator that takes its value from towns' village contests of a template. */
export interface Feed {
  contestId: number;
  indicatorCode: string;
  templateId: number;
  /** `red_share` (share of villages with a red flag) or `mean_total` (mean village total). */
  measure: string;
}

/** Replaces a contest's feeds with these. */
export async function replaceFeeds(
  db: Db,
  contestId: number,
  feeds: Omit<Feed, 'contestId'>[],
): Promise<void> {
  await db.deleteFrom('contest_feeds').where('contest_id', '=', contestId).execute();
  if (feeds.length === 0) return;
  await db
    .insertInto('contest_feeds')
    .values(
      feeds.map((f) => ({
        contest_id: contestId,
        indicator_code: f.indicatorCode,
        template_id: f.templateId,
        measure: f.measure,
      })),
    )
    .execute();
}

/** The feeds that take their values from a template's village contests. */
export async function feedsFromTemplate(db: Db, templateId: number): Promise<Feed[]> {
  const rows = await db
    .selectFrom('contest_feeds')
    .selectAll()
    .where('template_id', '=', templateId)
    .execute();
  return rows.map((r) => ({
    contestId: r.contest_id,
    indicatorCode: r.indicator_code,
    templateId: r.template_id,
    measure: r.measure,
  }));
}
